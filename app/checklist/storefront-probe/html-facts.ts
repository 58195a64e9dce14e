/**
 * What the checks need from one storefront page, read from its HTML once: mixed content,
 * footer links, script hosts, visible text and a list of markers (fingerprints of consent
 * managers, trackers, review widgets, chat tools, forms, payment icons…). Regex-based on
 * purpose: these are heuristics (medium confidence), and the page is never executed.
 */
import { decodeEntities, elementBlocks, htmlToText, openTags } from "../../../adapters/html-text";
import type { ProbedPage } from "../../../adapters/checklist-snapshot";
import { withoutRassureBlocks } from "../../../adapters/rassure-markup";

const TEXT_CAP = 20_000;

const CMP: Array<[string, RegExp]> = [
  // Only the banner's own markup: Shopify loads its customer-privacy API on every storefront, banner or not.
  ["shopify-banner", /shopify-pc__banner/i],
  ["axeptio", /static\.axept\.io/i],
  ["didomi", /sdk\.privacy-center\.org/i],
  ["cookiebot", /consent\.cookiebot\.com/i],
  ["onetrust", /cdn\.cookielaw\.org/i],
  ["complianz", /complianz/i],
  ["cookieyes", /cdn-cookieyes\.com/i],
  ["tarteaucitron", /tarteaucitron/i],
  ["usercentrics", /app\.usercentrics\.eu/i],
];
const TRACKER_HOSTS = ["googletagmanager.com", "google-analytics.com", "connect.facebook.net", "analytics.tiktok.com", "static.hotjar.com", "snap.licdn.com"];
const REVIEW_WIDGETS: Array<[string, RegExp]> = [
  ["judge.me", /judge\.me/i], ["yotpo", /yotpo\.com/i], ["okendo", /okendo\.io/i], ["loox", /loox\.io/i],
  ["trustpilot", /widget\.trustpilot\.com/i], ["avis-verifies", /cl\.avis-verifies\.com|avis-verifies/i], ["stamped", /stamped\.io/i],
];
const CHAT_TOOLS: Array<[string, RegExp]> = [
  ["shopify-inbox", /shopify-chat|inbox\.shopify/i], ["gorgias", /config\.gorgias\.chat/i], ["zendesk", /static\.zdassets\.com/i],
  ["crisp", /client\.crisp\.chat/i], ["intercom", /widget\.intercom\.io/i], ["tidio", /code\.tidio\.co/i], ["tawk.to", /embed\.tawk\.to/i],
  ["brevo", /conversations-widget\.brevo\.com/i], ["whatsapp", /wa\.me\//i],
];
const SOCIAL = /^(?:www\.)?(facebook\.com|instagram\.com|tiktok\.com|x\.com|twitter\.com|linkedin\.com|youtube\.com|pinterest\.[a-z.]+)$/i;
const PAYMENT_WORDS = /visa|mastercard|maestro|carte bancaire|\bcb\b|amex|american express|paypal|apple ?pay|google ?pay|stripe|mollie/i;
const PAID_OPTION_WORDS = /assurance|protection|emballage|cadeau|\bdon\b|garantie|insurance|gift wrap|donation|shipping protection/i;

function attr(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return match ? decodeEntities(match[1] ?? match[2] ?? match[3] ?? "") : null;
}

const MAX_BLOCKS = 200;

const tags = openTags;

/** Index of the last match of a simple (linear) pattern, -1 if none. */
function lastIndexOfPattern(html: string, pattern: RegExp): number {
  let last = -1;
  for (const match of html.matchAll(pattern)) last = match.index ?? last;
  return last;
}

function absolute(href: string, base: string): string | null {
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

/** The site-wide footer: the last <footer> or [role=contentinfo] element, else the last quarter of <body>. */
export function footerHtml(html: string): string {
  const footer = lastIndexOfPattern(html, /<footer\b/gi);
  const roleAt = lastIndexOfPattern(html, /role=["']?contentinfo/gi);
  const contentinfo = roleAt >= 0 ? html.lastIndexOf("<", roleAt) : -1;
  const start = Math.max(footer, contentinfo);
  if (start >= 0) return html.slice(start);
  const bodyStart = Math.max(0, html.search(/<body\b/i));
  return html.slice(bodyStart + Math.floor((html.length - bodyStart) * 0.75));
}

function mixedContent(html: string): { active: string[]; passive: string[] } {
  const active: string[] = [];
  const passive: string[] = [];
  for (const tag of tags(html, "script")) {
    const src = attr(tag, "src");
    if (src && (/^http:/i.test(src) || src.startsWith("//"))) active.push(src);
  }
  for (const tag of tags(html, "iframe")) {
    const src = attr(tag, "src");
    if (src && /^http:/i.test(src)) active.push(src);
  }
  for (const tag of tags(html, "link")) {
    const href = attr(tag, "href");
    if (href && /stylesheet/i.test(attr(tag, "rel") ?? "") && /^http:/i.test(href)) active.push(href);
  }
  for (const tag of tags(html, "form")) {
    const action = attr(tag, "action");
    if (action && /^http:/i.test(action)) active.push(action);
  }
  for (const name of ["img", "video", "audio", "source"]) {
    for (const tag of tags(html, name)) {
      const src = attr(tag, "src");
      if (src && /^http:/i.test(src)) passive.push(src);
    }
  }
  for (const match of html.matchAll(/url\(\s*["']?(http:[^"')\s]+)/gi)) passive.push(match[1]);
  return { active: [...new Set(active)], passive: [...new Set(passive)] };
}

function jsonLdMarkers(html: string): string[] {
  const found: string[] = [];
  for (const block of elementBlocks(html, "script", MAX_BLOCKS)) {
    if (!/application\/ld\+json/i.test(block.open)) continue;
    if (block.inner.includes('"aggregateRating"')) found.push("jsonld:aggregateRating");
    if (block.inner.includes('"availability"')) found.push("jsonld:availability");
  }
  return found;
}

const isContactForm = (form: string) =>
  /name=["']?form_type["']?[^>]{0,200}value=["']?contact/i.test(form) || /wpcf7|wpforms|gform|fluentform|contact-form/i.test(form) || (/type=["']?email/i.test(form) && /<textarea\b/i.test(form));

function formMarkers(html: string): string[] {
  const found: string[] = [];
  if (elementBlocks(html, "form", MAX_BLOCKS).some((block) => isContactForm(block.open + block.inner.slice(0, 50_000)))) found.push("contact-form");
  let checkedBoxes = 0;
  for (const tag of tags(html, "input")) {
    const autocomplete = attr(tag, "autocomplete") ?? "";
    const name = attr(tag, "name") ?? "";
    if (autocomplete === "cc-number" || (/card/i.test(name) && /number/i.test(name))) found.push("raw-card-input");
    if ((attr(tag, "type") ?? "").toLowerCase() !== "checkbox" || !/\schecked\b/i.test(tag) || checkedBoxes++ > MAX_BLOCKS) continue;
    const at = html.indexOf(tag);
    const around = htmlToText(html.slice(at, at + tag.length + 300));
    if (PAID_OPTION_WORDS.test(`${name} ${around}`)) found.push("preticked-paid-option");
  }
  const placeOrder = elementBlocks(html, "button", MAX_BLOCKS).find((block) => /id=["']?place_order|wc-block-components-checkout-place-order-button/i.test(block.open));
  if (placeOrder) {
    const label = htmlToText(placeOrder.inner.slice(0, 500)) || attr(placeOrder.open, "value") || "";
    if (label) found.push(`order-button:${label.slice(0, 80)}`);
  }
  return found;
}

/**
 * Facts of one fetched HTML page (everything but the transport fields). Rassure's own blocks are
 * cut out first: what Rassure printed is never the shop's evidence (rassure-markup.ts).
 */
export function pageFactsFromHtml(page: string, pageUrl: string): Pick<ProbedPage, "activeMixedContent" | "passiveMixedContent" | "footerLinks" | "scriptHosts" | "text" | "markers" | "rassureBlocks"> {
  const { html, blocks: rassureBlocks } = withoutRassureBlocks(page);
  const markers: string[] = [];
  const lang = /<html\b[^>]*\slang=["']?([a-z]{2})/i.exec(html)?.[1]?.toLowerCase();
  if (lang) markers.push(`lang:${lang}`);
  const scriptHosts = [...new Set(tags(html, "script").flatMap((tag) => {
    const src = attr(tag, "src");
    const url = src ? absolute(src, pageUrl) : null;
    return url ? [new URL(url).hostname.toLowerCase()] : [];
  }))];
  for (const [name, pattern] of CMP) if (pattern.test(html)) markers.push(`cmp:${name}`);
  for (const host of TRACKER_HOSTS) if (scriptHosts.some((h) => h === host || h.endsWith(`.${host}`)) || html.includes(host)) markers.push(`tracker:${host}`);
  for (const [name, pattern] of REVIEW_WIDGETS) if (pattern.test(html)) markers.push(`review-widget:${name}`);
  for (const [name, pattern] of CHAT_TOOLS) if (pattern.test(html)) markers.push(`chat:${name}`);
  markers.push(...jsonLdMarkers(html), ...formMarkers(html));
  // WooCommerce's Cart and Checkout blocks render their buttons in the browser: the HTML is only their frame.
  if (/wp-block-woocommerce-checkout(?![\w-])|data-block-name=["']woocommerce\/checkout["']/i.test(html)) markers.push("checkout:blocks");
  if (/wp-block-woocommerce-cart(?![\w-])|data-block-name=["']woocommerce\/cart["']/i.test(html)) markers.push("cart:blocks");

  const footer = footerHtml(html);
  const footerLinks = [...new Set(tags(footer, "a").flatMap((tag) => {
    const href = attr(tag, "href");
    const url = href && !/^(javascript|mailto|tel):/i.test(href) ? absolute(href, pageUrl) : null;
    return url ? [url] : [];
  }))];
  for (const link of footerLinks) {
    const host = new URL(link).hostname;
    if (SOCIAL.test(host)) markers.push(`social:${host.replace(/^www\./, "")}`);
  }
  for (const tag of tags(html, "a")) {
    const href = attr(tag, "href") ?? "";
    if (/^tel:/i.test(href)) markers.push(`tel:${href.slice(4)}`);
  }
  if (/accessibilit[eéy]|d[ée]claration d['’]accessibilit/i.test(footer)) markers.push("accessibility-statement");
  const footerImages = [...tags(footer, "img"), ...tags(footer, "svg")].map((tag) => `${attr(tag, "alt") ?? ""} ${attr(tag, "title") ?? ""} ${attr(tag, "src") ?? ""} ${attr(tag, "aria-labelledby") ?? ""}`);
  if (/class=["'][^"']*(list-payment|payment-icons?)/i.test(footer) || footerImages.some((t) => PAYMENT_WORDS.test(t))) markers.push("payment-icons");

  const mixed = mixedContent(html);
  return {
    activeMixedContent: mixed.active,
    passiveMixedContent: mixed.passive,
    footerLinks,
    scriptHosts,
    text: htmlToText(html).slice(0, TEXT_CAP),
    markers: [...new Set(markers)],
    rassureBlocks,
  };
}

/** Scripts from another host loaded without an integrity attribute (Observatory SRI test). */
export function externalScriptsWithoutIntegrity(html: string, pageUrl: string): number {
  const host = new URL(pageUrl).hostname;
  return tags(html, "script").filter((tag) => {
    const src = attr(tag, "src");
    const url = src ? absolute(src, pageUrl) : null;
    return url !== null && new URL(url).hostname !== host && !attr(tag, "integrity");
  }).length;
}
