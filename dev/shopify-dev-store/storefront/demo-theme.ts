/**
 * What a merchant does in the theme editor after following Rassure's "add to product page"
 * links: Rassure's blocks placed in the published theme's product template (reviews summary
 * under the price; delivery estimate, promises, payment and partners under the buy buttons; contact and legal in an apps section below),
 * the shop-wide reviews summary on the home page, the "Track my order" block on the order-tracking page's template, and the physical store block
 * on the contact page's. The offline demo
 * applies it at start (the theme editor itself is not part of the dev store); the app embed
 * stays as seeded (off) until switched on in settings_data.json.
 */
import { appBlockType } from "../seed";
import { isoNow } from "../state";
import type { DevStoreState, ThemeFileRecord } from "../types";
import { mainTheme } from "./theme-files";

function productTemplate(appHandle: string): unknown {
  const app = (handle: string, settings: Record<string, unknown> = {}) => ({ type: appBlockType(appHandle, handle), settings });
  return {
    sections: {
      main: {
        type: "main-product",
        blocks: {
          vendor: { type: "text", settings: { text: "{{ product.vendor }}", text_style: "uppercase" } },
          title: { type: "title", settings: {} },
          price: { type: "price", settings: {} },
          rassure_reviews_Rv8kT2: app("reviews"),
          quantity_selector: { type: "quantity_selector", settings: {} },
          buy_buttons: { type: "buy_buttons", settings: { show_dynamic_checkout: true } },
          rassure_delivery_8xQp2L: app("delivery"),
          rassure_promises_Jd93kA: app("promises", { tone: "soft" }),
          rassure_payment_Wm4tZe: app("payment"),
          rassure_partners_Hn4cV7: app("partners"),
          description: { type: "description", settings: {} },
        },
        block_order: ["vendor", "title", "price", "rassure_reviews_Rv8kT2", "quantity_selector", "buy_buttons", "rassure_delivery_8xQp2L", "rassure_promises_Jd93kA", "rassure_payment_Wm4tZe", "rassure_partners_Hn4cV7", "description"],
        settings: { enable_sticky_info: true, media_size: "large" },
      },
      apps_rassure: {
        type: "apps",
        blocks: { rassure_contact_Qa71sN: app("contact", { tone: "outline" }), rassure_legal_Vb28rC: app("legal", { tone: "outline" }) },
        block_order: ["rassure_contact_Qa71sN", "rassure_legal_Vb28rC"],
        settings: { include_margins: true },
      },
      "related-products": { type: "related-products", settings: { heading: "Vous aimerez aussi" } },
    },
    order: ["main", "apps_rassure", "related-products"],
  };
}

/**
 * A template of one theme section (`first`) followed by an apps section holding one Rassure block,
 * as the theme editor writes it when the merchant adds the block there.
 */
function oneAppBlockTemplate(appHandle: string, first: { id: string; type: string }, app: { sectionId: string; blockId: string; handle: string; settings: Record<string, unknown> }): unknown {
  return {
    sections: {
      [first.id]: { type: first.type, settings: {} },
      [app.sectionId]: {
        type: "apps",
        blocks: { [app.blockId]: { type: appBlockType(appHandle, app.handle), settings: app.settings } },
        block_order: [app.blockId],
        settings: { include_margins: true },
      },
    },
    order: [first.id, app.sectionId],
  };
}

const PAGE_MAIN = { id: "main", type: "main-page" };

/** The home page: the shop-wide reviews summary under the banner. */
const indexTemplate = (appHandle: string) =>
  oneAppBlockTemplate(appHandle, { id: "image-banner", type: "image-banner" }, { sectionId: "apps_reviews", blockId: "rassure_shop_reviews_Hr5dQ1", handle: "reviews", settings: { alignment: "center" } });

/** The contact page: the physical store block under the page text. */
const contactTemplate = (appHandle: string) =>
  oneAppBlockTemplate(appHandle, PAGE_MAIN, { sectionId: "apps_store", blockId: "rassure_store_Pz3mW8", handle: "store", settings: { tone: "outline" } });

const trackOrderTemplate = (appHandle: string) =>
  oneAppBlockTemplate(appHandle, PAGE_MAIN, { sectionId: "apps_track", blockId: "rassure_track_order_T5kd0P", handle: "track-order", settings: { alignment: "start" } });

function upsert(files: ThemeFileRecord[], filename: string, json: unknown, now: string): void {
  const content = `${JSON.stringify(json, null, 2)}\n`;
  const existing = files.find((f) => f.filename === filename);
  if (existing) Object.assign(existing, { content, updatedAt: now });
  else files.push({ filename, content, contentType: "application/json", createdAt: now, updatedAt: now });
}

export function placeDemoAppBlocks(state: DevStoreState, appHandle: string): void {
  const theme = mainTheme(state);
  if (!theme) return;
  const now = isoNow(new Date());
  upsert(theme.files, "templates/product.json", productTemplate(appHandle), now);
  upsert(theme.files, "templates/index.json", indexTemplate(appHandle), now);
  upsert(theme.files, "templates/page.track-order.json", trackOrderTemplate(appHandle), now);
  upsert(theme.files, "templates/page.contact.json", contactTemplate(appHandle), now);
  theme.updatedAt = now;
}
