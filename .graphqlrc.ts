// GraphQL tooling (editor validation, codegen) for the Admin API version the app pins
// (adapters/shopify/api-version.ts). The schema is Shopify's published 2026-07 contract,
// kept in the repo so tooling and tests work offline.
const config = {
  projects: {
    default: {
      schema: "test/contracts/shopify/admin-2026-07.graphql",
      documents: ["./app/**/*.{ts,tsx}", "./adapters/**/*.ts"],
    },
  },
};

export default config;
