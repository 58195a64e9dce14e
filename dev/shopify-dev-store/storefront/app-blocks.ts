/**
 * App blocks and app embeds on the local storefront, rendered as Shopify does it: the theme
 * app extension's own Liquid (through the app's renderer, app/storefront/liquid-preview.ts),
 * `app.metafields.<namespace>.<key>` read from the app-data metafields the app wrote with
 * metafieldsSet, the block's `available_if` evaluated first (false: the block is not rendered
 * at all), settings = the schema's defaults overridden by the theme file's values, the target
 * honoured (section blocks in templates, "body" embeds at the end of the page), each block in
 * Shopify's `shopify-block-…` wrapper, and nothing at all once the app is uninstalled.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Drop, Liquid } from "liquidjs";
import type { LegalPolicyType } from "../../../adapters/types";
import { EXTENSION_DIR, readExtensionSources } from "../../../app/storefront/extension-sources.server";
import { escapeHtml } from "../../../app/storefront/html-escape";
import { createPreviewRenderer, type PreviewProduct, type PreviewShop } from "../../../app/storefront/liquid-preview";
import { previewShopFromProfile } from "../../../app/storefront/preview-shop";
import type { DevStoreContext } from "../context";
import type { DevStoreState, MetafieldRecord } from "../types";
import { ENABLED_PAYMENT_TYPES } from "./catalog";
import type { StorefrontLang } from "./locale";
import type { ThemeBlock } from "./theme-files";

const APP_BLOCK_TYPE = /^shopify:\/\/apps\/([^/]+)\/blocks\/([^/]+)\/[^/]+$/;
const SCHEMA = /\{%-?\s*schema\s*-?%\}([\s\S]*?)\{%-?\s*endschema\s*-?%\}/;

interface BlockSchema {
  target: "section" | "body" | "head";
  availableIf: string | null;
  stylesheet: string | null;
  defaults: Record<string, unknown>;
}

/** A metafield as Liquid sees it: `{{ mf }}` prints the value, `mf.value` / `mf.type` read fields. */
class MetafieldDrop extends Drop {
  constructor(
    public readonly value: unknown,
    public readonly type: string,
  ) {
    super();
  }
  valueOf(): unknown {
    return this.value;
  }
}

function metafieldValue(record: MetafieldRecord): unknown {
  if (record.type === "boolean") return record.value === "true";
  if (record.type.startsWith("number_")) return Number(record.value);
  if (record.type === "json" || record.type.startsWith("list.")) {
    try {
      return JSON.parse(record.value) as unknown;
    } catch {
      return null;
    }
  }
  return record.value;
}

/** `app.metafields` of the installed app: its installation's metafields by namespace and key. */
export function appMetafields(state: DevStoreState): Record<string, Record<string, MetafieldDrop>> {
  const tree: Record<string, Record<string, MetafieldDrop>> = {};
  for (const record of state.metafields.filter((m) => m.ownerId === state.appInstallation.id)) {
    (tree[record.namespace] ??= {})[record.key] = new MetafieldDrop(metafieldValue(record), record.type);
  }
  return tree;
}

function parseSchema(source: string): BlockSchema {
  let schema: { target?: unknown; available_if?: unknown; stylesheet?: unknown; settings?: unknown } = {};
  try {
    schema = JSON.parse(SCHEMA.exec(source)?.[1] ?? "{}") as typeof schema;
  } catch {
    // An unreadable schema: Shopify would refuse the extension; here the block renders with no defaults.
  }
  const settings = Array.isArray(schema.settings) ? (schema.settings as Array<{ id?: unknown; default?: unknown }>) : [];
  return {
    target: schema.target === "body" || schema.target === "head" ? schema.target : "section",
    availableIf: typeof schema.available_if === "string" ? schema.available_if : null,
    stylesheet: typeof schema.stylesheet === "string" ? schema.stylesheet : null,
    defaults: Object.fromEntries(settings.filter((s) => typeof s.id === "string" && s.default !== undefined).map((s) => [s.id as string, s.default])),
  };
}

/** Liquid `shop.<handle>` policy objects for the policies the shop has written; `origin` is the one the shopper's request came to (Liquid `request.origin`). */
export function storefrontShop(state: DevStoreState, origin: string): PreviewShop {
  const profile = {
    currencyCode: state.shop.currencyCode,
    countryCode: state.shop.billingAddress.countryCodeV2,
    policies: state.policies.map((p) => ({ type: p.type as LegalPolicyType, title: p.title, url: p.url, isEmpty: p.body.trim() === "" })),
  };
  return { ...previewShopFromProfile(profile), origin, enabledPaymentTypes: ENABLED_PAYMENT_TYPES };
}

/** `product.metafields.reviews.*` of a product, as its review app wrote them (null without both). */
export function productReviews(state: DevStoreState, productId: string): PreviewProduct | null {
  const field = (key: string) => state.metafields.find((m) => m.ownerId === productId && m.namespace === "reviews" && m.key === key);
  const rating = field("rating");
  const count = field("rating_count");
  if (!rating || !count) return null;
  const value = metafieldValue({ ...rating, type: "json" }) as { value?: string; scale_max?: string } | null;
  const parsed = { rating: Number(value?.value), scaleMax: Number(value?.scale_max ?? 5), ratingCount: Number(count.value) };
  return Number.isFinite(parsed.rating) && Number.isInteger(parsed.ratingCount) ? parsed : null;
}

export function createAppBlocks(store: DevStoreContext) {
  const sources = readExtensionSources();
  const renderer = createPreviewRenderer(sources);
  const schemas = Object.fromEntries(Object.entries(sources.blocks).map(([handle, source]) => [handle, parseSchema(source)]));
  const gate = new Liquid({ ownPropertyOnly: true });

  async function available(schema: BlockSchema, scope: object): Promise<boolean> {
    if (!schema.availableIf) return true;
    return (await gate.parseAndRender(schema.availableIf, scope)).trim() === "true";
  }

  /**
   * One block's HTML ("" when it is not ours, not for this target or not available); the
   * stylesheets it needs in <head> are added to `stylesheets`.
   */
  /** `product`: the page's product (null when it has no reviews), undefined off product pages (Liquid `product` is then nil). */
  async function renderBlock(block: ThemeBlock, target: BlockSchema["target"], lang: StorefrontLang, stylesheets: Set<string>, origin = "", product?: PreviewProduct | null): Promise<string> {
    const match = APP_BLOCK_TYPE.exec(block.type);
    // A theme block, another app's, or the app is gone (Shopify drops its blocks on uninstall).
    if (!match || match[1] !== store.app.handle || !store.state.appInstallation.installed) return "";
    const handle = match[2];
    const schema = schemas[handle];
    if (!schema || schema.target !== target) return "";
    const metafields = appMetafields(store.state);
    if (!(await available(schema, { app: { metafields } }))) return "";
    const settings = { ...schema.defaults, ...Object.fromEntries(Object.entries(block.settings).filter(([id]) => id in schema.defaults)) };
    let inner: string;
    try {
      inner = await renderer.render({
        handle,
        config: null,
        appMetafields: metafields,
        locale: lang,
        shop: storefrontShop(store.state, origin),
        timeZone: store.state.shop.ianaTimezone,
        now: new Date(),
        settings: settings as { tone?: string; alignment?: string },
        blockId: block.id,
        product,
      });
    } catch (error) {
      // Shopify prints Liquid errors in place of the block instead of failing the page.
      inner = `<p class="liquid-error">Liquid error (blocks/${escapeHtml(handle)}): ${escapeHtml(error instanceof Error ? error.message : String(error))}</p>`;
    }
    if (!inner.trim()) return "";
    if (schema.stylesheet) stylesheets.add(schema.stylesheet);
    return `<div id="shopify-block-${escapeHtml(block.id)}" class="shopify-block shopify-app-block">${inner}</div>`;
  }

  return {
    renderBlock,
    /** The app blocks among `blocks` for `target`, one after the other. */
    async renderAll(blocks: ThemeBlock[], target: BlockSchema["target"], lang: StorefrontLang, stylesheets: Set<string>, origin = "", product?: PreviewProduct | null): Promise<string> {
      let html = "";
      for (const block of blocks) html += await renderBlock(block, target, lang, stylesheets, origin, product);
      return html;
    },
    isAppBlock(type: string): boolean {
      return APP_BLOCK_TYPE.exec(type)?.[1] === store.app.handle;
    },
    /** An extension asset (CSS) by file name, or null. */
    asset(name: string): string | null {
      if (!/^[a-z0-9_-]+\.css$/i.test(name)) return null;
      try {
        return readFileSync(path.join(EXTENSION_DIR, "assets", name), "utf8");
      } catch {
        return null;
      }
    },
  };
}

export type AppBlocks = ReturnType<typeof createAppBlocks>;
