/**
 * Deep links that open the merchant's theme editor on the published theme, ready to add one of
 * our app blocks to the product page or to switch on the app embed (shopify.dev theme app
 * extensions "deep linking").
 */
const editor = (shopDomain: string) => `https://${shopDomain}/admin/themes/current/editor`;

export function themeEditorAddBlockUrl(shopDomain: string, apiKey: string, blockHandle: string, template = "product"): string {
  const query = new URLSearchParams({ template, addAppBlockId: `${apiKey}/${blockHandle}`, target: "mainSection" });
  return `${editor(shopDomain)}?${query}`;
}

export function themeEditorActivateEmbedUrl(shopDomain: string, apiKey: string, embedHandle: string, template = "index"): string {
  const query = new URLSearchParams({ context: "apps", template, activateAppId: `${apiKey}/${embedHandle}` });
  return `${editor(shopDomain)}?${query}`;
}
