/**
 * Renders the theme app extension's own Liquid files with liquidjs, for the admin's live
 * preview and for the tests. The Shopify-only pieces the blocks use are implemented here the
 * way Shopify documents them: `t` (extension locale files, `{{ var }}` interpolation, output
 * HTML-escaped), `payment_type_svg_tag`, `money` (shop money format), `date` in the shop's time
 * zone with an injectable clock, and the `{% schema %}` tag (renders nothing). Isomorphic: the
 * sources come in as strings, so the same module runs in the browser.
 */
import { Liquid, Tag, filters as builtinFilters, type Context, type TagToken, type TopLevelToken, type Emitter } from "liquidjs";
import type { Lang, PublishedStorefrontConfig } from "./config";
import type { ReviewsAggregate } from "../../adapters/reviews-aggregate";
import { escapeHtml } from "./html-escape";

export interface ExtensionSources {
  /** Block handle → Liquid source (blocks/<handle>.liquid). */
  blocks: Record<string, string>;
  /** Snippet name → Liquid source (snippets/<name>.liquid). */
  snippets: Record<string, string>;
  /** Storefront locale files: en.default.json and fr.json. */
  locales: Record<Lang, unknown>;
}

export interface PreviewShop {
  /**
   * Scheme and host the storefront is served on, as Liquid's `request.origin` gives it
   * ("https://www.shop.fr"). The payment block claims encryption only for https; unknown = not https.
   */
  origin?: string;
  enabledPaymentTypes: string[];
  policies: Array<{ handle: "shipping_policy" | "refund_policy" | "privacy_policy" | "terms_of_service" | string; title: string; url: string }>;
  /** Shopify money format, e.g. "{{amount_with_comma_separator}} €". */
  moneyFormat: string;
  /** ISO country of the shop's address (Liquid `shop.address.country_code`). */
  countryCode?: string | null;
}

/** A product's review summary, as review apps write it into the standard `reviews.*` metafields. */
export interface PreviewProduct {
  rating: number;
  scaleMax: number;
  ratingCount: number;
}

export interface PreviewRequest {
  handle: string;
  config: PublishedStorefrontConfig | null;
  locale: Lang;
  shop: PreviewShop;
  timeZone: string;
  now: Date;
  settings?: { tone?: string; alignment?: string; source?: string };
  blockId?: string;
  designMode?: boolean;
  /** The product of a product page (null: a product without review metafields; absent: not a product page). */
  product?: PreviewProduct | null;
  /** The shop-wide review aggregate Rassure published (`app.metafields.rassure.shop_reviews`); ignored when `appMetafields` is given. */
  shopReviews?: ReviewsAggregate | null;
  /**
   * A storefront renders from the app-data metafields as the platform stores them
   * (namespace → key → { value }); when given, it replaces the scope built from `config`.
   */
  appMetafields?: Record<string, Record<string, unknown>>;
}


/** A dotted key ("rassure.trust.title") in a storefront locale tree. */
function lookup(tree: unknown, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

/**
 * A storefront string as Shopify's `t` filter gives it: the shopper's language, else English,
 * its {{ placeholders }} filled in (not escaped). Shared by the `t` filter below and the trust page.
 */
export function storefrontString(locales: ExtensionSources["locales"], lang: string, key: string, vars: Record<string, unknown> = {}): string {
  const text = lookup(locales[lang as Lang], key) ?? lookup(locales.en, key) ?? `translation missing: ${lang}.${key}`;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in vars ? String(vars[name] ?? "") : whole));
}

/** Name (for the <title>), short mark and brand colour of the payment icons Shopify draws. */
const PAYMENT_ICONS: Record<string, [name: string, mark: string, fill: string]> = {
  american_express: ["American Express", "AMEX", "#1f72cd"],
  apple_pay: ["Apple Pay", "Pay", "#000000"],
  bancontact: ["Bancontact", "BC", "#005498"],
  cartes_bancaires: ["Cartes Bancaires", "CB", "#1d4d7e"],
  diners_club: ["Diners Club", "DC", "#0079be"],
  discover: ["Discover", "DISC", "#231f20"],
  google_pay: ["Google Pay", "G Pay", "#3c4043"],
  ideal: ["iDEAL", "iDEAL", "#cc0066"],
  klarna: ["Klarna", "Klarna", "#17120f"],
  maestro: ["Maestro", "MAES", "#0e4c96"],
  master: ["Mastercard", "MC", "#eb001b"],
  paypal: ["PayPal", "PayPal", "#003087"],
  shopify_pay: ["Shop Pay", "Shop", "#5a31f4"],
  sofort: ["SOFORT", "SOFORT", "#393a41"],
  visa: ["Visa", "VISA", "#1a1f71"],
};

/** Same frame as Shopify's icons (38×24, role="img", labelled by its <title>), simplified artwork. */
export function paymentTypeSvg(type: string, className?: string): string {
  const [name, mark, fill] = PAYMENT_ICONS[type] ?? [type.replace(/_/g, " "), type.slice(0, 4).toUpperCase(), "#4a4a4a"];
  const id = `pi-${type.replace(/[^a-z0-9_-]/gi, "")}`;
  const cls = className ? ` class="${escapeHtml(className)}"` : "";
  return (
    `<svg${cls} viewBox="0 0 38 24" xmlns="http://www.w3.org/2000/svg" width="38" height="24" role="img" aria-labelledby="${id}">` +
    `<title id="${id}">${escapeHtml(name)}</title>` +
    `<rect width="38" height="24" rx="3" fill="${fill}"/>` +
    `<text x="19" y="15.5" text-anchor="middle" font-family="Arial,sans-serif" font-size="${mark.length > 4 ? 7 : 9}" font-weight="700" fill="#fff">${escapeHtml(mark)}</text></svg>`
  );
}

/** Shopify's money formats (help.shopify.com "currency formatting"), input in minor units. */
export function formatMoney(cents: number, moneyFormat: string): string {
  const group = (value: number, decimals: number, thousands: string, decimal: string) => {
    const [whole, fraction] = value.toFixed(decimals).split(".");
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
    return fraction ? `${grouped}${decimal}${fraction}` : grouped;
  };
  const amount = cents / 100;
  const formats: Record<string, () => string> = {
    amount: () => group(amount, 2, ",", "."),
    amount_no_decimals: () => group(amount, 0, ",", "."),
    amount_with_comma_separator: () => group(amount, 2, ".", ","),
    amount_no_decimals_with_comma_separator: () => group(amount, 0, ".", ","),
    amount_with_space_separator: () => group(amount, 2, " ", ","),
    amount_no_decimals_with_space_separator: () => group(amount, 0, " ", ","),
    amount_with_apostrophe_separator: () => group(amount, 2, "'", "."),
  };
  return moneyFormat.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => formats[name]?.() ?? whole);
}

/** `product.metafields.reviews.*` as Shopify exposes them: a rating object and an integer. */
function productMetafields(product: PreviewProduct | null) {
  if (!product) return {};
  return { reviews: { rating: { value: { rating: product.rating, scale_min: 1, scale_max: product.scaleMax } }, rating_count: { value: product.ratingCount } } };
}

class SchemaTag extends Tag {
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    // Swallow everything up to {% endschema %}: the schema is for the theme editor.
    while (remain.length) {
      const next = remain.shift() as TopLevelToken & { name?: string };
      if (next.name === "endschema") return;
    }
    throw new Error("tag {% schema %} not closed");
  }
  *render(_ctx: Context, _emitter: Emitter): Generator<unknown, void, unknown> {}
}

export function createPreviewRenderer(sources: ExtensionSources) {
  const templates = Object.fromEntries(Object.entries(sources.snippets).map(([name, src]) => [`${name}.liquid`, src]));
  const builtinDate = builtinFilters.date as (this: unknown, v: unknown, format?: unknown, tz?: unknown) => string;

  /** Any Liquid source with the Shopify objects and filters of `request` (a block, or the trust page's Liquid). */
  async function renderLiquid(source: string, request: Omit<PreviewRequest, "handle">): Promise<string> {
    const nowSeconds = Math.floor(request.now.getTime() / 1000);
    const engine = new Liquid({ templates, extname: ".liquid", timezoneOffset: request.timeZone, strictFilters: true, ownPropertyOnly: true });
    engine.registerTag("schema", SchemaTag);
    engine.registerFilter("t", (key: unknown, ...args: unknown[]) => {
      const k = String(key);
      const vars = Object.fromEntries(args.filter(Array.isArray).map((pair) => [String((pair as unknown[])[0]), (pair as unknown[])[1]]));
      const out = storefrontString(sources.locales, request.locale, k, vars);
      return k.endsWith("_html") ? out : escapeHtml(out);
    });
    engine.registerFilter("payment_type_svg_tag", (type: unknown, ...args: unknown[]) => {
      const cls = args.find((a): a is [string, unknown] => Array.isArray(a) && a[0] === "class");
      return paymentTypeSvg(String(type), cls ? String(cls[1]) : undefined);
    });
    // Shopify's escape is Ruby's CGI.escapeHTML (&quot; and &#39;), not liquidjs's &#34;.
    engine.registerFilter("escape", (value: unknown) => escapeHtml(value === undefined || value === null ? "" : String(value)));
    engine.registerFilter("money", (cents: unknown) => formatMoney(Number(cents) || 0, request.shop.moneyFormat));
    engine.registerFilter("date", function (this: unknown, value: unknown, format?: unknown) {
      return builtinDate.call(this, value === "now" || value === "today" ? nowSeconds : value, format);
    });
    const policies = Object.fromEntries(request.shop.policies.map((p) => [p.handle, p]));
    const scope = {
      app: {
        metafields: request.appMetafields ?? {
          rassure: { config: request.config ? { value: request.config } : null, enabled: request.config !== null, shop_reviews: request.shopReviews ? { value: request.shopReviews } : null },
        },
      },
      block: { id: request.blockId ?? "preview", settings: { tone: "plain", alignment: "start", ...request.settings } },
      request: { locale: { iso_code: request.locale }, design_mode: request.designMode ?? false, origin: request.shop.origin ?? "" },
      ...(request.product === undefined ? {} : { product: { metafields: productMetafields(request.product) } }),
      shop: { enabled_payment_types: request.shop.enabledPaymentTypes, policies: request.shop.policies, address: { country_code: request.shop.countryCode ?? null }, ...policies },
    };
    return engine.parseAndRender(source, scope);
  }

  return {
    async render(request: PreviewRequest): Promise<string> {
      const source = sources.blocks[request.handle];
      if (source === undefined) throw new Error(`Unknown block "${request.handle}"`);
      return renderLiquid(source, request);
    },
    renderLiquid,
  };
}

export type PreviewRenderer = ReturnType<typeof createPreviewRenderer>;
