/**
 * The checklist's reads in one request when the companion plugin is active:
 * `GET wc-rassure/v1/facts` runs, inside WordPress, the same REST GETs the collector would send
 * (rest_do_request: the key's user, each route's own permission check) and answers every route's
 * status and body. This reader serves the resource functions from that answer, so the parsers
 * and the error handling are the ones used over REST. The list of routes is fixed on both sides
 * (wordpress/rassure-for-woocommerce/includes/class-rassure-facts.php).
 *
 * Version 2 adds the published products route and `site`: what only WordPress itself knows and no
 * REST route tells a key — the cart/checkout/account URLs, the checkout's order-button label, and
 * WordPress's own update check (its update_core/update_plugins/update_themes transients).
 */
import { array, bool, id, object, optional, parse, str, text, type Parser } from "./parse";
import { COMPANION_NAMESPACE } from "./storefront";
import { refusalError, WooCommerceApiError, type WooReader, type WooResponse, type WooRestClient } from "./rest-client";

/** Versions of the plugin's answer this app reads (1: REST routes only; 2: + products and `site`). */
export const COMPANION_FACTS_VERSIONS = [1, 2] as const;

const versionParser = object({ version: text, latest: optional(str) });
const siteParser = object({
  pages: optional(object({ cart: optional(str), checkout: optional(str), account: optional(str) })),
  block_checkout: optional(bool),
  order_button: optional(object({ label: str, source: str })),
  /** The plugin's shop-wide rating (Rassure_Shop_Context::shop_reviews); absent from older plugins. */
  ratings: optional(object({ ratingTenths: optional(id), scaleMax: optional(id), reviews: id, products: id })),
  updates: optional(
    object({
      checked_at: optional(str),
      core: versionParser,
      theme: optional(object({ name: text, version: text, latest: optional(str) })),
      plugins: array(object({ plugin: str, version: text, latest: optional(str) })),
    }),
  ),
});
/** What the plugin reports from inside WordPress (version 2), see class-rassure-facts.php `site()`. */
export type CompanionSiteFacts = ReturnType<typeof siteParser>;
const site: Parser<CompanionSiteFacts | null> = optional(siteParser);

interface Part {
  status: number;
  body: unknown;
}

function partsOf(data: unknown): Map<string, Part> | null {
  if (!data || typeof data !== "object") return null;
  const { version, responses } = data as { version?: unknown; responses?: unknown };
  if (!(COMPANION_FACTS_VERSIONS as readonly unknown[]).includes(version) || !responses || typeof responses !== "object" || Array.isArray(responses)) return null;
  const parts = new Map<string, Part>();
  for (const [route, part] of Object.entries(responses as Record<string, unknown>)) {
    const status = part && typeof part === "object" ? (part as { status?: unknown }).status : undefined;
    if (typeof status !== "number" || !Number.isInteger(status)) return null;
    parts.set(route, { status, body: (part as { body?: unknown }).body ?? null });
  }
  return parts;
}

export class CompanionFactsReader implements WooReader {
  constructor(
    private readonly parts: Map<string, Part>,
    /** WordPress-side facts (plugin version 2); null from an older plugin. */
    readonly site: CompanionSiteFacts | null = null,
  ) {}

  /** Whether the plugin answered this route (an older plugin lacks the newer ones). */
  has(route: string): boolean {
    return this.parts.has(route);
  }

  private part(route: string): Part {
    const part = this.parts.get(route);
    if (!part) throw new WooCommerceApiError(`The Rassure plugin's facts lack ${route}: update the plugin.`, null, "rassure_bad_shape", false);
    // A route that failed inside WordPress fails here as it would over REST (not retried: the batch is over).
    if (part.status < 200 || part.status >= 300) throw refusalError(part.status, part.body, {}, false);
    return part;
  }

  async get<T = unknown>(endpoint: string, _params?: object, namespace = "wc/v3"): Promise<WooResponse<T>> {
    const part = this.part(`/${namespace}/${endpoint}`);
    return { status: part.status, data: part.body as T, headers: {} };
  }

  /** The plugin already followed the pages (as many as the REST client would). */
  async getAll(endpoint: string): Promise<unknown[]> {
    const { data, status } = await this.get(endpoint);
    if (!Array.isArray(data)) throw new WooCommerceApiError(`${endpoint}: expected a list.`, status, "rassure_bad_shape", false);
    return data;
  }

  async getRestIndex(): Promise<unknown> {
    return this.part("/").body;
  }
}

/**
 * One request for everything the checklist reads; null when the plugin is not active or too old
 * (no such route), or answers in a shape this version does not know: the caller then reads over REST.
 */
export async function readCompanionFacts(client: WooRestClient, ordersAfter: string): Promise<CompanionFactsReader | null> {
  let data: unknown;
  try {
    data = (await client.get("facts", { orders_after: ordersAfter }, COMPANION_NAMESPACE)).data;
  } catch (error) {
    if (error instanceof WooCommerceApiError && error.status === 404 && error.code === "rest_no_route") return null;
    throw error;
  }
  const parts = partsOf(data);
  if (!parts) return null;
  return new CompanionFactsReader(parts, parse(site, (data as { site?: unknown }).site, "wc-rassure/v1/facts site"));
}
