import "@shopify/shopify-app-remix/adapters/node";
import { type ApiVersion, AppDistribution, shopifyApp } from "@shopify/shopify-app-remix/server";
import { SHOPIFY_ADMIN_API_VERSION } from "../adapters/shopify/api-version";
import { wireBackgroundWork } from "./background-work.server";
import { scanShopifyShopInBackground } from "./checklist/background.server";
import { scheduleReviewsAggregate } from "./reviews/aggregate-job.server";
import prisma from "./db.server";
import { appEnvironment } from "./env.server";
import { ADMIN_PAGE_BUDGET, budgetedAdminGraphql, budgetedAuthenticateAdmin } from "./limits/shopify-budget.server";
import { EncryptedSessionStorage } from "./session-storage.server";
import { recordShopifyInstall } from "./shops.server";

/*
 * The app's composition root: Shopify's app (managed install, token exchange, sessions) and the
 * background work wired to its clients. Routes import `authenticate` from here; features never
 * do: they receive the platform clients they need through app/background-work.server.ts.
 */
const env = appEnvironment();

// Shopify managed install + token exchange, as in Shopify's own app template.
const shopify = shopifyApp({
  apiKey: env.shopifyApiKey,
  apiSecretKey: env.shopifyApiSecret,
  apiVersion: SHOPIFY_ADMIN_API_VERSION as ApiVersion,
  scopes: env.scopes,
  appUrl: env.appUrl,
  authPathPrefix: "/auth",
  sessionStorage: new EncryptedSessionStorage(prisma, env.encryptionKeys),
  distribution: AppDistribution.AppStore,
  future: { unstable_newEmbeddedAuthStrategy: true },
  hooks: {
    // Runs once per fresh offline token: the install (or reinstall) of the app.
    afterAuth: async ({ session, admin }) => {
      await recordShopifyInstall(session.shop, session.scope ?? "", budgetedAdminGraphql(session.shop, admin.graphql, ADMIN_PAGE_BUDGET));
      // The first checklist scan starts at install, so Home has a score on the first visit.
      await scanShopifyShopInBackground(session.shop, "install");
      // The shop-wide review aggregate the reviews block shows; then re-computed daily.
      await scheduleReviewsAggregate(session.shop);
    },
  },
  ...(env.customShopDomains.length ? { customShopDomains: env.customShopDomains } : {}),
});

wireBackgroundWork(async (shopDomain) => (await shopify.unauthenticated.admin(shopDomain)).admin.graphql);

export default shopify;
export const apiVersion = SHOPIFY_ADMIN_API_VERSION;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
/** Admin pages' Shopify calls draw on the shop's shared API budget, with the jobs of every process. */
export const authenticate = { ...shopify.authenticate, admin: budgetedAuthenticateAdmin(shopify.authenticate.admin) };
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const sessionStorage = shopify.sessionStorage;
