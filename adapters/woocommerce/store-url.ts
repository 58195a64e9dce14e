/**
 * A WooCommerce store is identified by its home URL. Merchants type it in every shape
 * ("boutique.fr", "https://boutique.fr/", "https://site.fr/shop/wp-admin"); this turns it into
 * the canonical base URL and the `domain` the Shop row is keyed by (host, plus the
 * sub-path when WordPress lives in a folder).
 */
export class StoreUrlError extends Error {}

export function normalizeStoreUrl(input: string): string {
  const trimmed = input.trim();
  if (!trimmed || trimmed.length > 2048) throw new StoreUrlError("Enter the address of your WooCommerce store.");
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new StoreUrlError("This is not a web address.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new StoreUrlError("The address must start with https://.");
  if (url.username || url.password) throw new StoreUrlError("The address must not contain a user name or password.");
  const path = url.pathname
    .replace(/\/(wp-admin|wp-login\.php|wp-json)(\/.*)?$/i, "")
    .replace(/\/+$/, "");
  return `${url.protocol}//${url.host.toLowerCase()}${path}`;
}

export function storeDomain(storeUrl: string): string {
  const url = new URL(storeUrl);
  return `${url.host.toLowerCase()}${url.pathname.replace(/\/+$/, "")}`;
}
