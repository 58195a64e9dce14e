/** Deep links into the merchant's Shopify admin (https://admin.shopify.com/store/{handle}/…). */
export function shopifyStoreHandle(myshopifyDomain: string): string {
  return myshopifyDomain.replace(/\.myshopify\.com$/, "");
}

export function shopifyAdminUrl(myshopifyDomain: string, path: string): string {
  return `https://admin.shopify.com/store/${encodeURIComponent(shopifyStoreHandle(myshopifyDomain))}/${path.replace(/^\//, "")}`;
}
