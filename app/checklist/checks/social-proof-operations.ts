/** Social proof & transparency (§3.6) and operations / resilience (§3.7). */
import { foldText, LEXICONS } from "../policy-lint";
import { formatRating, type ReviewsAggregate } from "../../../adapters/reviews-aggregate";
import type { CheckSpec, EvaluationContext, Evidence } from "../types";
import { guarantee, list, manualPending, markers, notApplicable, pass, reachedStorefront, storefrontGap, storefrontText, text, warning } from "./outcome";

const WAF_HEADERS: Array<[string, RegExp]> = [
  ["Cloudflare", /^(cf-ray|server:cloudflare)/],
  ["Sucuri", /^x-sucuri-/],
  ["Imperva", /^(x-iinfo|x-cdn:imperva)/],
  ["Akamai", /^akamai-/],
  ["CloudFront", /^x-amz-cf-id/],
  ["Fastly", /^x-fastly-request-id/],
];
const WAF_PLUGINS = ["wordfence/", "sucuri-scanner/", "cloudflare/"];
const BACKUP_PLUGINS = ["updraftplus/", "jetpack-backup/", "jetpack/", "backwpup/", "duplicator/", "blogvault-real-time-backup/", "wpvivid-backuprestore/", "all-in-one-wp-migration/"];

/** "4.6/5 from 128 reviews on 12 products", in both languages, from the shop's review aggregate. */
function ratingsSummary(ratings: ReviewsAggregate): Evidence["value"] {
  const products = (en: boolean) => (ratings.products === 1 ? (en ? "1 product" : "1 produit") : en ? `${ratings.products} products` : `${ratings.products} produits`);
  const reviews = (en: boolean) => (ratings.reviews === 1 ? (en ? "1 review" : "1 avis") : en ? `${ratings.reviews} reviews` : `${ratings.reviews} avis`);
  return text(`${formatRating(ratings)} from ${reviews(true)} on ${products(true)}`, `${formatRating(ratings, ",")} sur ${reviews(false)}, pour ${products(false)}`);
}

/**
 * Reviews are shown: the products' own ratings hold some (the aggregate Rassure computes from the
 * review apps' metafields on Shopify, the native ratings on WooCommerce), or a review widget /
 * aggregateRating is on the storefront (Rassure's own blocks are cut out before the probe reads a
 * page, so they never count). `shown: null` when neither source could be read.
 */
function reviewsShown(context: EvaluationContext): { shown: boolean | null; evidence: Evidence[] } {
  const { facts } = context.snapshot;
  const ratings = facts.ratings ?? null;
  const storefront = reachedStorefront(context.snapshot);
  const widgets = storefront ? [...markers(storefront, "review-widget:"), ...markers(storefront, "jsonld:aggregateRating")].map((m) => m.marker) : [];
  const rated = ratings && ratings.reviews > 0 ? ratings : null;
  const shown = rated !== null || (facts.products?.withReviews ?? 0) > 0 || widgets.length > 0;
  const source = facts.platform === "shopify" ? "products' reviews.rating / reviews.rating_count (Rassure's daily aggregate)" : "products' average_rating / rating_count";
  if (shown) return { shown, evidence: [...(rated ? [{ source, value: ratingsSummary(rated) }] : []), ...[...new Set(widgets)].map((value) => ({ source: "storefront", value }))] };
  return { shown: storefront || facts.products || ratings ? false : null, evidence: [] };
}

export const socialProofChecks: CheckSpec[] = [
  {
    id: "tru-customer-reviews",
    category: "social-proof",
    severity: "recommended",
    jurisdictions: ["ALL"],
    platforms: ["shopify", "woocommerce"],
    title: text("Customer reviews are collected and displayed", "Des avis clients sont collectés et affichés"),
    failureTitle: text("No customer reviews displayed", "Aucun avis client affiché"),
    why: text("Reviews from real buyers are the strongest reassurance for a first-time visitor.", "Les avis d'acheteurs réels sont la meilleure réassurance pour un premier visiteur."),
    fix: { adminPath: { shopify: "apps", woocommerce: "admin.php?page=wc-settings&tab=products" }, docsUrl: "https://apps.shopify.com/categories/marketing-and-conversion-social-trust-product-reviews", docsUrlOn: { woocommerce: "https://woocommerce.com/document/product-reviews/" } },
    evaluate: (context) => {
      const { shown, evidence } = reviewsShown(context);
      if (shown) return pass("medium", text("Reviews are displayed.", "Des avis sont affichés."), evidence);
      if (shown === null) return storefrontGap(context);
      if (!reachedStorefront(context.snapshot)) {
        return warning("medium", text("No product has a rating yet; the storefront could not be checked for a review widget.", "Aucun produit n'a encore de note ; la vitrine n'a pas pu être vérifiée (widget d'avis)."));
      }
      if (context.snapshot.facts.reviews?.enabled) return warning("high", text("Reviews are enabled but none is displayed yet.", "Les avis sont activés mais aucun n'est encore affiché."));
      return warning("medium", text("No review widget or rating found.", "Aucun widget d'avis ni note trouvés."));
    },
  },
  {
    id: "tru-reviews-transparency",
    category: "social-proof",
    severity: "critical",
    jurisdictions: ["EU"],
    platforms: ["shopify", "woocommerce"],
    title: text("Review rules are disclosed (verification, moderation, ranking)", "Les règles des avis sont publiées (contrôle, modération, classement)"),
    failureTitle: text("Review rules are not disclosed", "Les règles des avis ne sont pas publiées"),
    why: text(
      "If you display reviews you must say whether and how they are checked, show their dates, and explain moderation and ranking; fake reviews are banned.",
      "Si vous affichez des avis, vous devez dire s'ils sont contrôlés et comment, afficher leurs dates, et expliquer modération et classement ; les faux avis sont interdits.",
    ),
    legalBasis: ["Code de la consommation L111-7-2, D111-16 to D111-19", "Dir. 2019/2161 (Omnibus)"],
    fix: { adminPath: { shopify: "pages", woocommerce: "edit.php?post_type=page" }, docsUrl: "https://www.economie.gouv.fr/dgccrf/Publications/Vie-pratique/Fiches-pratiques/Avis-en-ligne" },
    attestation: { prompt: text("Link to your review policy page.", "Lien vers votre page de politique des avis."), evidence: ["url"], expiresAfterDays: 365 },
    evaluate: (context) => {
      const { shown } = reviewsShown(context);
      if (shown === false) return notApplicable(text("No reviews are displayed.", "Aucun avis n'est affiché."));
      if (shown === null) return storefrontGap(context);
      const storefront = reachedStorefront(context.snapshot);
      const pageText = [storefront ? storefrontText(storefront) : "", ...context.snapshot.facts.legalPages.map((p) => p.text)].join("\n");
      const disclosed = LEXICONS.reviewsPolicy["review rules"].map((pattern) => pattern.exec(foldText(pageText))?.[0]).find(Boolean);
      const verifiedLabel = context.snapshot.facts.reviews?.verifiedLabel;
      if (disclosed || verifiedLabel) {
        return pass("low", text("Review rules are mentioned.", "Les règles des avis sont mentionnées."), [
          ...(disclosed ? [{ source: "public pages", value: `"${disclosed}"` }] : []),
          ...(verifiedLabel ? [{ source: "woocommerce_review_rating_verification_label", value: "yes" }] : []),
        ]);
      }
      return warning("low", text("Reviews are shown but we found no page explaining how they are checked.", "Des avis sont affichés mais aucune page n'explique leur contrôle."));
    },
  },
];

export const operationsChecks: CheckSpec[] = [
  {
    id: "ops-ddos-waf",
    category: "operations",
    severity: "recommended",
    informativeOn: ["shopify"],
    jurisdictions: ["ALL"],
    platforms: ["shopify", "woocommerce"],
    title: text("A CDN / firewall protects the store", "Un CDN / pare-feu protège la boutique"),
    failureTitle: text("No CDN or firewall detected", "Aucun CDN ni pare-feu détecté"),
    why: text("A firewall in front of the store absorbs attacks and bot traffic that would take it down.", "Un pare-feu devant la boutique absorbe attaques et robots qui la rendraient indisponible."),
    fix: { adminPath: { woocommerce: "plugins.php" }, docsUrl: "https://developer.mozilla.org/en-US/docs/Web/Security" },
    attestation: { prompt: text("Your host's DDoS/WAF protection (name and plan).", "Protection DDoS/WAF de votre hébergeur (nom et offre)."), evidence: ["text"], expiresAfterDays: 365 },
    evaluate: (context) => {
      if (context.snapshot.facts.software.platformManaged) {
        return pass("high", text("Shopify serves your storefront through its CDN, which absorbs attacks.", "Shopify sert votre vitrine par son CDN, qui absorbe les attaques."), [
          guarantee("Every Shopify storefront is served through Shopify's global CDN with DDoS protection, run by Shopify for all shops.", "Chaque vitrine Shopify est servie par le CDN mondial de Shopify avec protection DDoS, gérée par Shopify pour toutes les boutiques."),
        ]);
      }
      const plugins = (context.snapshot.facts.activePlugins ?? []).filter((p) => WAF_PLUGINS.some((prefix) => p.startsWith(prefix)));
      const storefront = reachedStorefront(context.snapshot);
      const headerLines = storefront ? Object.entries(storefront.headers).map(([name, value]) => `${name}:${value}`.toLowerCase().replace(/\s/g, "")) : [];
      const providers = WAF_HEADERS.filter(([, pattern]) => headerLines.some((line) => pattern.test(line))).map(([name]) => name);
      if (providers.length || plugins.length) {
        return pass("medium", text(`Found: ${list([...providers, ...plugins])}.`, `Trouvé : ${list([...providers, ...plugins])}.`), [
          ...providers.map((name) => ({ source: "response headers", value: name })),
          ...plugins.map((plugin) => ({ source: "active plugin", value: plugin })),
        ]);
      }
      if (!storefront) return storefrontGap(context);
      return warning("medium", text("No CDN or firewall fingerprint found: confirm your host's protection.", "Aucune empreinte de CDN ou pare-feu : confirmez la protection de votre hébergeur."));
    },
  },
  {
    id: "ops-uptime-monitoring",
    category: "operations",
    severity: "recommended",
    jurisdictions: ["ALL"],
    platforms: ["shopify", "woocommerce"],
    title: text("Uptime is monitored with alerts", "La disponibilité est surveillée avec alertes"),
    failureTitle: text("Uptime is not monitored", "La disponibilité n'est pas surveillée"),
    why: text("You should hear that the shop is down before your customers tell you.", "Vous devez savoir que la boutique est en panne avant que vos clients ne vous le disent."),
    fix: { adminPath: {}, docsUrl: "https://uptimerobot.com/" },
    attestation: { prompt: text("Name or URL of your uptime monitor and who gets the alerts.", "Nom ou URL de votre outil de surveillance et destinataire des alertes."), evidence: ["url", "text"], expiresAfterDays: 365 },
    // Rassure probes the storefront at each scan, not every 5 minutes: that is not monitoring, so the merchant confirms theirs.
    evaluate: (context) => {
      if (context.snapshot.facts.storefrontLocked) return notApplicable(text("The storefront is password-protected.", "La boutique est protégée par mot de passe."));
      const probe = context.snapshot.storefront;
      return manualPending(text("Confirm an external uptime monitor with alerting.", "Confirmez une surveillance externe avec alertes."), probe ? [{ source: "storefront at this scan", value: probe.status }] : []);
    },
  },
  {
    id: "ops-backups-dr",
    category: "operations",
    severity: "recommended",
    severityOn: { woocommerce: "critical" },
    jurisdictions: ["ALL"],
    platforms: ["shopify", "woocommerce"],
    title: text("Off-site backups with a tested restore", "Sauvegardes externes avec restauration testée"),
    failureTitle: text("Backups not confirmed", "Sauvegardes non confirmées"),
    why: text("A hack, a bad import or a mistaken bulk edit is only recoverable from a backup you have restored once.", "Un piratage, un mauvais import ou une modification de masse ne se rattrapent qu'avec une sauvegarde déjà restaurée une fois."),
    fix: { adminPath: { shopify: "apps", woocommerce: "plugins.php" }, docsUrl: "https://help.shopify.com/en/manual/products/import-export", docsUrlOn: { woocommerce: "https://wordpress.org/documentation/article/wordpress-backups/" } },
    attestation: { prompt: text("Backup tool, frequency, off-site location and date of your last restore test.", "Outil de sauvegarde, fréquence, lieu externe et date du dernier test de restauration."), evidence: ["text", "date"], expiresAfterDays: 90 },
    evaluate: ({ snapshot }) => {
      const plugins = (snapshot.facts.activePlugins ?? []).filter((p) => BACKUP_PLUGINS.some((prefix) => p.startsWith(prefix)));
      if (plugins.length) return warning("medium", text(`Backup plugin found (${list(plugins)}): confirm a restore test.`, `Extension de sauvegarde trouvée (${list(plugins)}) : confirmez un test de restauration.`));
      if (snapshot.facts.activePlugins) return warning("medium", text("No backup plugin found: confirm your host's backups.", "Aucune extension de sauvegarde : confirmez les sauvegardes de votre hébergeur."));
      return manualPending(text("Apps cannot be listed: confirm your backups and last restore test.", "Les applications ne sont pas listables : confirmez vos sauvegardes et le dernier test."));
    },
  },
];
