// The storefront's stylesheet and strings have one source, the Shopify theme extension
// (extensions/rassure-theme/). The WooCommerce companion plugin ships its own copies, because
// WordPress installs the plugin folder alone; this script writes them, and with --check (run by
// the tests) fails when one differs from its source.
// Usage: node scripts/sync-plugin-assets.mjs [--check]
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
export const EXTENSION_DIR = path.join(root, "extensions/rassure-theme");
export const PLUGIN_DIR = path.join(root, "wordpress/rassure-for-woocommerce");
/** Files the plugin takes from the extension, at the same path in both. */
export const SHARED_FILES = ["assets/rassure.css", "locales/en.default.json", "locales/fr.json"];

/** The shared files whose plugin copy differs from the extension's (or is missing). */
export function stalePluginFiles(extensionDir = EXTENSION_DIR, pluginDir = PLUGIN_DIR) {
  return SHARED_FILES.filter((file) => {
    const copy = path.join(pluginDir, file);
    return !existsSync(copy) || readFileSync(copy, "utf8") !== readFileSync(path.join(extensionDir, file), "utf8");
  });
}

export function writePluginFiles(extensionDir = EXTENSION_DIR, pluginDir = PLUGIN_DIR) {
  for (const file of SHARED_FILES) {
    mkdirSync(path.dirname(path.join(pluginDir, file)), { recursive: true });
    writeFileSync(path.join(pluginDir, file), readFileSync(path.join(extensionDir, file), "utf8"));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes("--check")) {
    const stale = stalePluginFiles();
    if (stale.length) {
      console.error(`The WooCommerce plugin's copies differ from the theme extension (their source): ${stale.join(", ")}. Run \`npm run plugin:assets\`.`);
      process.exit(1);
    }
  } else {
    writePluginFiles();
    console.log(`Plugin files written from the theme extension: ${SHARED_FILES.join(", ")}.`);
  }
}
