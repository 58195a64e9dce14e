/**
 * The one Shopify Admin API version Rassure speaks. It must match the schema
 * the tests validate against (test/contracts/shopify/admin-2026-07.graphql),
 * `shopify.app.toml` ([webhooks] api_version), `.graphqlrc.ts` and every
 * extension's toml. test/api-version.test.ts keeps them in agreement.
 */
export const SHOPIFY_ADMIN_API_VERSION = "2026-07" as const;
