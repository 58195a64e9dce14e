/**
 * Admin GraphQL over a shop domain + access token, for `npx rassure scan --shopify SHOP
 * --token TOKEN` (outside the embedded app, where @shopify/shopify-app-remix hands out
 * `admin.graphql`). Same contract as AdminGraphql: resolves with the HTTP Response; HTTP
 * errors become ShopifyGraphqlError with Shopify's status and body.
 */
import { ShopifyGraphqlError, type AdminGraphql } from "./admin-graphql";
import { SHOPIFY_ADMIN_API_VERSION } from "./api-version";

const MYSHOPIFY = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

export function normaliseShopDomain(input: string): string {
  const host = input.trim().toLowerCase().replace(/^https?:\/\//, "").replace(/\/.*$/, "");
  const domain = host.includes(".") ? host : `${host}.myshopify.com`;
  if (!MYSHOPIFY.test(domain)) throw new Error(`"${input}" is not a shop domain like my-shop.myshopify.com`);
  return domain;
}

export function tokenAdminGraphql(shopDomain: string, accessToken: string, fetchImpl: typeof fetch = fetch): AdminGraphql {
  const endpoint = `https://${normaliseShopDomain(shopDomain)}/admin/api/${SHOPIFY_ADMIN_API_VERSION}/graphql.json`;
  return async (query, options) => {
    let response: Response;
    try {
      response = await fetchImpl(endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-Shopify-Access-Token": accessToken },
        body: JSON.stringify({ query, variables: options?.variables }),
      });
    } catch (error) {
      // fetch says only "fetch failed": name the shop and the network cause.
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new Error(`could not reach ${new URL(endpoint).host} (${cause?.code ?? cause?.message ?? (error as Error).message})`);
    }
    if (!response.ok) {
      const text = (await response.text()).slice(0, 300);
      const code = response.status === 429 ? "THROTTLED" : response.status === 401 ? "UNAUTHORIZED" : `HTTP_${response.status}`;
      const hint = response.status === 401 ? " (invalid or revoked access token)" : "";
      throw new ShopifyGraphqlError(`Shopify Admin API ${SHOPIFY_ADMIN_API_VERSION}: HTTP ${response.status}${hint} ${text}`.trim(), [{ message: text, extensions: { code } }]);
    }
    return response;
  };
}
