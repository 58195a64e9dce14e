/**
 * Development and tests run WooCommerce stores on loopback; production never sends a request to
 * a private address (every request to a store goes through adapters/http's address guard).
 */
export function allowPrivateStores(): boolean {
  return process.env.RASSURE_WOOCOMMERCE_ALLOW_PRIVATE_HOSTS === "1";
}
