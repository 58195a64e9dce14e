/**
 * What a merchant does in the theme editor after following Rassure's "add to product page"
 * links: Rassure's blocks placed in the published theme's product template (reviews summary
 * under the price; delivery estimate, promises, payment and partners under the buy buttons; contact and legal in an apps section below),
 * the "Track my order" block on the order-tracking page's template, and the physical store block
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

/** The contact page: the physical store block under the page text. */
function contactTemplate(appHandle: string): unknown {
  return {
    sections: {
      main: { type: "main-page", settings: {} },
      apps_store: {
        type: "apps",
        blocks: { rassure_store_Pz3mW8: { type: appBlockType(appHandle, "store"), settings: { tone: "outline" } } },
        block_order: ["rassure_store_Pz3mW8"],
        settings: { include_margins: true },
      },
    },
    order: ["main", "apps_store"],
  };
}

function trackOrderTemplate(appHandle: string): unknown {
  return {
    sections: {
      main: { type: "main-page", settings: {} },
      apps_track: {
        type: "apps",
        blocks: { rassure_track_order_T5kd0P: { type: appBlockType(appHandle, "track-order"), settings: { alignment: "start" } } },
        block_order: ["rassure_track_order_T5kd0P"],
        settings: { include_margins: true },
      },
    },
    order: ["main", "apps_track"],
  };
}

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
  upsert(theme.files, "templates/page.track-order.json", trackOrderTemplate(appHandle), now);
  upsert(theme.files, "templates/page.contact.json", contactTemplate(appHandle), now);
  theme.updatedAt = now;
}
