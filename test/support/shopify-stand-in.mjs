// Loaded into a production server under test (NODE_OPTIONS=--import): requests to the shop's
// https://<shop>.myshopify.com go to the local Shopify dev store instead, as if DNS pointed
// there (Shopify is unreachable from this machine). The app's code runs unchanged: Shopify's
// library takes the global fetch when it loads, and this replaces it first.
// RASSURE_TEST_SHOPIFY_STAND_IN="<shop domain>=<dev store URL>".
import { createDevStoreFetch } from "../../dev/shopify-dev-store/dev-fetch.ts";

const [shopDomain, storeUrl] = (process.env.RASSURE_TEST_SHOPIFY_STAND_IN ?? "").split("=");
if (shopDomain && storeUrl) globalThis.fetch = createDevStoreFetch(shopDomain, () => storeUrl, globalThis.fetch.bind(globalThis));
