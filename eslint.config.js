import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", "node_modules/", "prisma/generated/", "extensions/**/dist/", "test-results/", ".cache/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser, shopify: "readonly" } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    // The platform adapters are framework-free and hold their own contract (adapters/types.ts,
    // adapters/checklist-snapshot.ts): the app depends on them, never the other way round.
    files: ["adapters/**/*.{ts,tsx,js,mjs}"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{ regex: "^(~/|(\\.\\./)+app(/|$))", message: "adapters/ must not import app/: move what both need beside adapters/types.ts." }],
      }],
    },
  },
);
