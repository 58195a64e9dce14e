/**
 * What the local storefront sells and shows: the seeded catalogue (seed.ts PRODUCTS, which the
 * orders refer to) with the handles, translations and descriptions a storefront needs, the
 * shop's online-store pages, and the checkout's payment methods (Liquid's
 * `shop.enabled_payment_types`, which the Admin API does not expose).
 */
import { PRODUCTS } from "../seed";
import type { StorefrontLang } from "./locale";

export interface StorefrontProduct {
  handle: string;
  sku: string;
  /** Decimal string in the shop currency. */
  price: string;
  title: Record<StorefrontLang, string>;
  description: Record<StorefrontLang, string>;
  /** Colours of the drawn product picture (no image files offline). */
  palette: [string, string];
}

type ProductText = Omit<StorefrontProduct, "sku" | "price">;

const TEXTS: Record<string, ProductText> = {
  "BOU-FIG-180": {
    handle: "bougie-figue-cedre",
    title: { fr: "Bougie parfumée Figue & Cèdre", en: "Fig & Cedar scented candle" },
    description: {
      fr: "Cire de colza française coulée à la main dans notre atelier lyonnais, mèche en coton, pot en grès réutilisable. 180 g, environ 40 heures de combustion.",
      en: "French rapeseed wax hand-poured in our Lyon workshop, cotton wick, reusable stoneware pot. 180 g, about 40 hours of burning.",
    },
    palette: ["#e8d6c0", "#8c5e3c"],
  },
  "BOU-LAV-180": {
    handle: "bougie-lavande-ardeche",
    title: { fr: "Bougie Lavande des Monts d'Ardèche", en: "Ardèche Lavender candle" },
    description: {
      fr: "Huile essentielle de lavande fine de l'Ardèche, cire végétale, 180 g.",
      en: "Fine lavender essential oil from the Ardèche, plant wax, 180 g.",
    },
    palette: ["#e4e0ef", "#6d5a8c"],
  },
  "CER-TAS-TER": {
    handle: "tasse-gres-terre",
    title: { fr: "Tasse en grès émaillé Terre", en: "Terre glazed stoneware mug" },
    description: { fr: "Tournée à la main, émail mat. 25 cl, passe au lave-vaisselle.", en: "Hand-thrown, matt glaze. 25 cl, dishwasher safe." },
    palette: ["#eadfd3", "#9a6b4f"],
  },
  "CER-VAS-RHO": {
    handle: "vase-ceramique-rhone",
    title: { fr: "Vase céramique Rhône", en: "Rhône ceramic vase" },
    description: { fr: "Pièce unique, émail bleu Rhône, hauteur 24 cm.", en: "One of a kind, Rhône blue glaze, 24 cm high." },
    palette: ["#dfe7ec", "#3f6c86"],
  },
  "COF-MINI-3": {
    handle: "coffret-mini-bougies",
    title: { fr: "Coffret découverte 3 mini-bougies", en: "Discovery box of 3 mini candles" },
    description: { fr: "Figue & Cèdre, Lavande, Fleur d'oranger : 3 × 60 g.", en: "Fig & Cedar, Lavender, Orange blossom: 3 × 60 g." },
    palette: ["#f1e2cf", "#b07a45"],
  },
  "CER-BOL-BLE": {
    handle: "bol-capucins-bleu",
    title: { fr: "Bol Capucins bleu", en: "Capucins blue bowl" },
    description: { fr: "Bol en grès, émail bleu profond, 14 cm.", en: "Stoneware bowl, deep blue glaze, 14 cm." },
    palette: ["#dde3ee", "#2f4f7a"],
  },
};

export const STOREFRONT_PRODUCTS: StorefrontProduct[] = PRODUCTS.filter((p) => TEXTS[p.sku]).map((p) => ({ sku: p.sku, price: p.price, ...TEXTS[p.sku] }));

export function findProduct(handle: string): StorefrontProduct | undefined {
  return STOREFRONT_PRODUCTS.find((p) => p.handle === handle);
}

export interface StorefrontPage {
  handle: string;
  title: Record<StorefrontLang, string>;
  /** templates/page.<suffix>.json of the theme, as Shopify picks a page's template. */
  templateSuffix: string | null;
  body: Record<StorefrontLang, string>;
}

export const STOREFRONT_PAGES: StorefrontPage[] = [
  {
    handle: "contact",
    title: { fr: "Contact", en: "Contact" },
    templateSuffix: "contact",
    body: { fr: "Une question sur une commande ou un article ? Écrivez-nous, nous répondons sous 24 h ouvrées.", en: "A question about an order or a product? Write to us, we answer within one working day." },
  },
  {
    handle: "suivi-de-commande",
    title: { fr: "Suivre ma commande", en: "Track my order" },
    templateSuffix: "track-order",
    body: { fr: "Retrouvez ici le suivi de vos colis.", en: "Follow your parcels here." },
  },
];

export function findPage(handle: string): StorefrontPage | undefined {
  return STOREFRONT_PAGES.find((p) => p.handle === handle);
}

/** The checkout's methods for a French Shopify Payments shop with PayPal (Liquid `shop.enabled_payment_types`). */
export const ENABLED_PAYMENT_TYPES = ["cartes_bancaires", "visa", "master", "american_express", "paypal", "apple_pay", "google_pay"];
