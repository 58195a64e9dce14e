/**
 * `npm run demo`: Rassure running offline, installed in a local Shopify dev store, with no
 * Shopify account and no network. Prints the admin URL to open.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startOfflineStack } from "./demo-app";

const root = fileURLToPath(new URL("..", import.meta.url));

if (process.env.NODE_ENV === "production") {
  console.error("The offline demo refuses to run with NODE_ENV=production: it uses a stand-in for Shopify and demo secrets. Unset NODE_ENV.");
  process.exit(1);
}

const appPort = Number(process.env.PORT || 3000);
const storePort = Number(process.env.DEV_STORE_PORT || 3100);
// Beside the default dev store port; any free port when the caller chose the store's (tests run several demos).
const storefrontPort = Number(process.env.DEV_STOREFRONT_PORT || (process.env.DEV_STORE_PORT ? 0 : 3101));
const databaseUrl = process.env.DEMO_DATABASE_URL || "file:./data/demo.sqlite";
const wooStorePort = Number(process.env.WOO_DEV_STORE_PORT || 3200);
const mailboxPort = Number(process.env.DEV_MAILBOX_PORT || (process.env.DEV_STORE_PORT ? 0 : 3102));

if (!process.argv.includes("--no-build")) {
  console.log("Building the app…");
  const build = spawnSync(process.execPath, [`${root}node_modules/@remix-run/dev/dist/cli.js`, "vite:build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  if (build.status !== 0) {
    console.error("The build failed (see above).");
    process.exit(1);
  }
}

try {
  const stack = await startOfflineStack({ appPort, storePort, storefrontPort, databaseUrl, wooStorePort, mailboxPort, log: (line) => console.log(line) });
  console.log(`
Rassure is running offline.

  Shopify admin (dev store "${stack.store.state.shop.name}") with Rassure open:
    ${stack.adminUrl}

  Its storefront (Rassure's blocks show on product pages once published from "Storefront blocks";
  "Track my order" is at /pages/suivi-de-commande):
    ${stack.storefrontUrl}/products/bougie-figue-cedre
  It is plain http on this machine: the trust checklist probes it, so its HTTPS checks fail, honestly.

${stack.woo ? `  WordPress admin (WooCommerce dev store "${stack.woo.store.state.siteName}") with Rassure open:
    ${stack.woo.wpAdminUrl}

` : ""}  Alert e-mails Rassure sent (a local SMTP catcher; Settings → "Send a test e-mail"):
    ${stack.mailboxUrl}

  App server:      ${stack.appUrl}
  Dev store API:   ${stack.store.url}/admin/api/2026-07/graphql.json
  Database:        ${databaseUrl}

Press Ctrl+C to stop.`);
  const stop = async () => {
    await stack.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (error) {
  console.error(`The demo could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
