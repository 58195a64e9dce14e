/**
 * Where a WooCommerce shop's own pages are, from its settings rather than guessed paths: page
 * slugs follow the site's language (`/panier/`, `/commande/`, `/mon-compte/` in French), so the
 * cart, checkout and account URLs come from the companion plugin (wc_get_cart_url…) or from the
 * `woocommerce_*_page_id` settings matched with the published pages' links; product URLs are the
 * `permalink` of published products. Whether the checkout is the Checkout block (its button is
 * drawn in the browser) comes from the plugin or from system_status `pages[].block_present`.
 */
import type { StorefrontPagesFact } from "../checklist-snapshot";
import type { CompanionSiteFacts } from "./companion-facts";
import { array, object, parse, str, text } from "./parse";
import { settingText, type SystemStatus, type WpPageSummary } from "./resources";
import { WooCommerceApiError, type WooReader } from "./rest-client";

/** A few products are enough: the probe visits one product page. */
export const PRODUCTS_READ = 3;

const productParser = object({ permalink: text, status: str });

/** Permalinks of the latest published products; [] when products cannot be read with this key (or an older plugin lacks the route). */
export async function fetchProductPermalinks(reader: WooReader & { has?(route: string): boolean }): Promise<string[]> {
  if (reader.has && !reader.has("/wc/v3/products")) return [];
  try {
    const response = await reader.get("products", { per_page: PRODUCTS_READ, status: "publish", orderby: "date", order: "desc" });
    return parse(array(productParser), response.data, "products")
      .filter((product) => product.status === "publish" && /^https?:\/\//.test(product.permalink))
      .map((product) => product.permalink);
  } catch (error) {
    if (error instanceof WooCommerceApiError && error.status !== null && [401, 403, 404].includes(error.status)) return [];
    throw error;
  }
}

const PAGE_SETTINGS = { cart: "woocommerce_cart_page_id", checkout: "woocommerce_checkout_page_id", account: "woocommerce_myaccount_page_id" } as const;

export function storefrontPagesFrom(input: {
  site: CompanionSiteFacts | null;
  advanced: Map<string, unknown> | null;
  pages: WpPageSummary[];
  status: SystemStatus;
  products: string[];
}): StorefrontPagesFact {
  const linkOf = (setting: string) => {
    const id = Number(settingText(input.advanced, setting));
    return (Number.isInteger(id) && id > 0 && input.pages.find((page) => page.id === id)?.link) || null;
  };
  const fromPlugin = input.site?.pages;
  const checkoutStatus = input.status.pages?.find((page) => page.page_name === "Checkout");
  return {
    cart: fromPlugin?.cart ?? linkOf(PAGE_SETTINGS.cart),
    checkout: fromPlugin?.checkout ?? linkOf(PAGE_SETTINGS.checkout),
    account: fromPlugin?.account ?? linkOf(PAGE_SETTINGS.account),
    products: input.products,
    blockCheckout: input.site?.block_checkout ?? checkoutStatus?.block_present ?? null,
  };
}
