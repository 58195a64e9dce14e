/**
 * The offline stack used by the demo and the browser tests: the local Shopify dev store,
 * and the built Rassure app pointed at it with no change to app code. The only seams are
 * the ones Shopify's libraries provide: `setAbstractFetchFunc` (their one fetch) and
 * App Bridge's script URL.
 */
import { spawnSync } from "node:child_process";
import type { Server } from "node:http";
import path from "node:path";
import { parse } from "smol-toml";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startCompanyRegisters } from "./company-registers";
import { placeDemoAppBlocks, readAppProxyConfig, readAppWebhookSubscriptions, startShopifyDevStore, type ShopifyDevStore } from "./shopify-dev-store";
import { startSmtpCatcher } from "./smtp-catcher";
import type { WooCommerceDevStore } from "./woocommerce-dev-store";

const root = fileURLToPath(new URL("..", import.meta.url));

export interface OfflineStackOptions {
  appPort: number;
  storePort: number;
  /** The dev store's online store (0 = any free port). */
  storefrontPort?: number;
  databaseUrl: string;
  /** The WooCommerce dev store shown beside the Shopify one (0 = any free port). */
  wooStorePort?: number;
  /** The page listing the alert e-mails the app sent to the local mail catcher (0 = any free port). */
  mailboxPort?: number;
  log?: (line: string) => void;
}

export interface OfflineStack {
  store: ShopifyDevStore;
  appUrl: string;
  adminUrl: string;
  /** The dev store's storefront (http on 127.0.0.1), which the checklist's probe visits in the demo. */
  storefrontUrl: string;
  /** The WooCommerce shop connected through /wc-auth, or null when it could not start. */
  woo: { store: WooCommerceDevStore; wpAdminUrl: string } | null;
  /** The caught alert e-mails (the app's SMTP server is a local catcher on loopback). */
  mailboxUrl: string;
  close(): Promise<void>;
}

/** The demo's app identity. Published secrets: the demo refuses NODE_ENV=production, and the app refuses them there (app/env.server.ts). */
export const DEMO_APP = {
  apiKey: "rassure-offline-demo",
  apiSecret: "rassure-offline-demo-secret-not-for-production",
  encryptionKey: "0d6f2c9b8a7e4f3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d",
  handle: "rassure",
};

/**
 * Where the dev store keeps its state between runs: beside a SQLite database
 * (data/demo.sqlite → data/demo.shopify-dev-store.json), else in data/. The app's data and the
 * store's stay together: the offline token the app holds is one the store still knows.
 */
export function devStoreStateFile(databaseUrl: string): string {
  const sqlite = /^file:(.+?)(\.sqlite|\.db)?$/.exec(databaseUrl);
  if (sqlite) return path.resolve(root, `${sqlite[1]}.shopify-dev-store.json`);
  return path.join(root, "data/demo.shopify-dev-store.json");
}

function run(label: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, args, { cwd: root, env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${label} failed:\n${(result.stderr || result.stdout).trim()}`);
}

export async function startOfflineStack({ appPort, storePort, storefrontPort = 0, databaseUrl, wooStorePort = 0, mailboxPort = 0, log = () => {} }: OfflineStackOptions): Promise<OfflineStack> {
  // Same site as the dev store's admin (127.0.0.1, another port): browsers that block
  // third-party storage (Safari, Brave, Chromium's defaults) still run the embedded app.
  const appUrl = `http://127.0.0.1:${appPort}`;
  const storeUrl = `http://127.0.0.1:${storePort}`;
  const scopes = (parse(readFileSync(path.join(root, "shopify.app.toml"), "utf8")) as { access_scopes: { scopes: string } }).access_scopes.scopes.split(",");

  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    SHOPIFY_API_KEY: DEMO_APP.apiKey,
    SHOPIFY_API_SECRET: DEMO_APP.apiSecret,
    SHOPIFY_APP_URL: appUrl,
    SCOPES: scopes.join(","),
    RASSURE_ENCRYPTION_KEY: DEMO_APP.encryptionKey,
    APP_BRIDGE_URL: `${storeUrl}/app-bridge.js`,
    RASSURE_FRAME_ANCESTORS: storeUrl,
    // The demo's WooCommerce store listens on loopback (a development option production never sets).
    RASSURE_WOOCOMMERCE_ALLOW_PRIVATE_HOSTS: "1",
  });

  // The public company registers (INSEE's directory, VIES), played locally: the demo stays offline.
  const registers = await startCompanyRegisters();
  Object.assign(process.env, { RASSURE_COMPANY_DIRECTORY_URL: registers.url, RASSURE_VIES_URL: registers.url });
  // Alert e-mails go to a local SMTP catcher; a busy page port (another demo) falls back to any free one.
  const mailbox = await startSmtpCatcher({ webPort: mailboxPort }).catch(() => startSmtpCatcher({ webPort: 0 }));
  Object.assign(process.env, { RASSURE_SMTP_URL: mailbox.smtpUrl, RASSURE_ALERTS_FROM: "Rassure <alerts@rassure.localhost>" });

  log("Applying database migrations…");
  run("Database migrations", [path.join(root, "scripts/migrate.mjs")], process.env);

  const store = await startShopifyDevStore({
    port: storePort,
    app: { apiKey: DEMO_APP.apiKey, apiSecret: DEMO_APP.apiSecret, appUrl, scopes, handle: DEMO_APP.handle, title: "Rassure" },
    webhookSubscriptions: readAppWebhookSubscriptions(path.join(root, "shopify.app.toml")),
    storefront: { port: storefrontPort, appProxy: readAppProxyConfig(path.join(root, "shopify.app.toml")) },
    stateFile: devStoreStateFile(databaseUrl),
    // Benches: the round trip to Shopify that loopback hides (bench/admin-pages.ts).
    apiLatencyMs: Number(process.env.DEV_STORE_API_LATENCY_MS) || 0,
  });
  if (store.savedState?.restored) log("The dev store keeps its data from the last run.");
  else if (store.savedState?.discarded) log(`The dev store starts afresh: its saved data was not used (${store.savedState.discarded}).`);
  // The merchant has placed Rassure's blocks on the product page (the theme editor is not part of the dev store).
  placeDemoAppBlocks(store.state, DEMO_APP.handle);
  // Development option: the checklist probes this local storefront instead of the unreachable www.atelier-lumiere.fr.
  process.env.RASSURE_DEV_STOREFRONT_URL = store.storefrontUrl;

  // The built app imports Shopify's libraries first; then their fetch is pointed at the dev store.
  const { createAppHandler, listen, loadServerBuild } = await import("../server/http-server.mjs");
  const build = await loadServerBuild();
  const { setAbstractFetchFunc } = await import("@shopify/shopify-api/runtime");
  setAbstractFetchFunc(store.fetch);

  let server: Server;
  try {
    server = (await listen(createAppHandler(build), appPort, "127.0.0.1")) as Server;
  } catch (error) {
    await store.close();
    await registers.close();
    throw error;
  }

  // Install through the real path: the admin opens the app with a session token, the app
  // exchanges it for an offline token and records the shop.
  log("Installing Rassure into the dev store…");
  const install = await openAppAsAdmin(store, "/app");
  if (install.status !== 200) {
    server.close();
    await store.close();
    await registers.close();
    throw new Error(`Installing the app into the dev store failed: HTTP ${install.status}\n${(await install.text()).slice(0, 500)}`);
  }

  const woo = await startDemoWoo(appUrl, wooStorePort, log);

  return {
    store,
    appUrl,
    adminUrl: store.adminUrl("/app"),
    storefrontUrl: store.storefrontUrl,
    woo,
    mailboxUrl: mailbox.webUrl!,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      await woo?.store.close();
      await registers.close();
      await mailbox.close();
    },
  };
}

/** A browser's user agent: shopify-app-remix answers 410 to requests that look like bots. */
const BROWSER_HEADERS = { "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36" };

/**
 * Opens the embedded app as Shopify's admin does. When the app sends the admin to its bounce
 * page (`shopify-reload`: Shopify refused the token the app held, as after a store lost its
 * data), App Bridge there reloads the app with a fresh session token: so does this.
 */
async function openAppAsAdmin(store: ShopifyDevStore, appPath: string): Promise<Response> {
  const response = await fetch(store.embeddedAppUrl(appPath), { headers: BROWSER_HEADERS });
  const reload = new URL(response.url).searchParams.get("shopify-reload");
  if (!reload) return response;
  await response.body?.cancel();
  const target = new URL(reload);
  target.searchParams.set("id_token", store.mintSessionToken());
  return fetch(target, { headers: BROWSER_HEADERS });
}

/** A WooCommerce shop beside the Shopify one, connected through the real /wc-auth flow; the demo goes on without it if that fails. */
async function startDemoWoo(appUrl: string, port: number, log: (line: string) => void): Promise<OfflineStack["woo"]> {
  const { startDemoWooStore, connectDemoWooStore } = await import("./woocommerce-dev-store/demo-connect");
  // A busy port (another demo, a test run) must not stop the Shopify demo: take any free one.
  const store = await startDemoWooStore(appUrl, port).catch(() => startDemoWooStore(appUrl, 0));
  try {
    log("Connecting the WooCommerce dev store through /wc-auth…");
    return { store, ...(await connectDemoWooStore(store, appUrl)) };
  } catch (error) {
    log(`WooCommerce dev store not connected: ${error instanceof Error ? error.message : String(error)}`);
    await store.close();
    return null;
  }
}
