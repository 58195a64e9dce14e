/**
 * The storefront's language: `?locale=en|fr` first (carried on by the page's links and
 * remembered in a cookie, so forms posted to the app proxy keep it), then that cookie, then
 * the visitor's Accept-Language, then the shop's primary locale. The theme's own words (header,
 * footer, cart…) in both languages; the app blocks' words come from the extension's locales.
 */
import { escapeHtml } from "../../../app/storefront/html-escape";

export const STOREFRONT_LANGS = ["fr", "en"] as const;
export type StorefrontLang = (typeof STOREFRONT_LANGS)[number];

const isLang = (value: string | null | undefined): value is StorefrontLang => STOREFRONT_LANGS.includes(value as StorefrontLang);

export interface StorefrontLocale {
  lang: StorefrontLang;
  /** The locale came from the query string: internal links carry it on. */
  explicit: boolean;
}

export const LOCALE_COOKIE = "storefront_locale";

/** Set-Cookie remembering a language the visitor chose. */
export function localeCookie(lang: StorefrontLang): string {
  return `${LOCALE_COOKIE}=${lang}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000`;
}

export function storefrontLocale(request: Request, primaryLocale: string): StorefrontLocale {
  const query = new URL(request.url).searchParams.get("locale")?.slice(0, 2).toLowerCase();
  if (isLang(query)) return { lang: query, explicit: true };
  const cookie = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([a-z]{2})(?:;|$)`).exec(request.headers.get("cookie") ?? "")?.[1];
  if (isLang(cookie)) return { lang: cookie, explicit: false };
  const accepted = (request.headers.get("accept-language") ?? "")
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.trim().slice(2) ?? 1);
      return { lang: tag.slice(0, 2).toLowerCase(), q: Number.isFinite(q) ? q : 0 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q)
    .find((entry) => isLang(entry.lang));
  if (accepted) return { lang: accepted.lang as StorefrontLang, explicit: false };
  const primary = primaryLocale.slice(0, 2).toLowerCase();
  return { lang: isLang(primary) ? primary : "en", explicit: false };
}

const WORDS = {
  announcement: { fr: "Livraison offerte dès 60 € d'achat", en: "Free shipping from €60" },
  skip: { fr: "Aller au contenu", en: "Skip to content" },
  menu: { fr: "Menu principal", en: "Main menu" },
  home: { fr: "Accueil", en: "Home" },
  catalog: { fr: "Boutique", en: "Shop" },
  cart: { fr: "Panier", en: "Cart" },
  contact: { fr: "Contact", en: "Contact" },
  heroTitle: { fr: "Bougies et céramiques façonnées à Lyon", en: "Candles and ceramics made in Lyon" },
  heroText: { fr: "Des pièces coulées et tournées à la main, dans notre atelier des pentes de la Croix-Rousse.", en: "Hand-poured and hand-thrown pieces from our workshop on the slopes of the Croix-Rousse." },
  heroCta: { fr: "Découvrir la boutique", en: "Browse the shop" },
  featured: { fr: "Nos créations", en: "Our pieces" },
  taxIncluded: { fr: "Taxes incluses. Frais d'expédition calculés lors du paiement.", en: "Tax included. Shipping calculated at checkout." },
  quantity: { fr: "Quantité", en: "Quantity" },
  addToCart: { fr: "Ajouter au panier", en: "Add to cart" },
  cartEmpty: { fr: "Votre panier est vide.", en: "Your cart is empty." },
  continueShopping: { fr: "Continuer les achats", en: "Continue shopping" },
  product: { fr: "Produit", en: "Product" },
  total: { fr: "Total", en: "Total" },
  subtotal: { fr: "Sous-total", en: "Subtotal" },
  checkout: { fr: "Paiement", en: "Check out" },
  checkoutOffline: { fr: "Le paiement n'existe pas dans la boutique de développement locale.", en: "There is no checkout in the local development store." },
  legal: { fr: "Informations légales", en: "Legal" },
  contactUs: { fr: "Nous contacter", en: "Contact us" },
  trackOrder: { fr: "Suivre ma commande", en: "Track my order" },
  payments: { fr: "Moyens de paiement", en: "Payment methods" },
  languages: { fr: "Langue", en: "Language" },
  notFoundTitle: { fr: "Page introuvable", en: "Page not found" },
  notFoundText: { fr: "La page que vous cherchez n'existe pas.", en: "The page you were looking for does not exist." },
  proxyErrorTitle: { fr: "Service momentanément indisponible", en: "Service temporarily unavailable" },
  proxyErrorText: { fr: "Cette page dépend d'une application qui ne répond pas. Réessayez dans quelques instants.", en: "This page relies on an app that is not responding. Please try again in a moment." },
  passwordTitle: { fr: "Ouverture prochaine", en: "Opening soon" },
  passwordText: { fr: "Cette boutique est protégée par un mot de passe.", en: "This store is password protected." },
  phone: { fr: "Téléphone", en: "Phone" },
  email: { fr: "E-mail", en: "Email" },
} satisfies Record<string, Record<StorefrontLang, string>>;

export type StorefrontWord = keyof typeof WORDS;

/** The theme's word, HTML-escaped (ready for text and attributes). */
export function word(lang: StorefrontLang, key: StorefrontWord): string {
  return escapeHtml(WORDS[key][lang]);
}
