/** Delivery & returns (checklist-spec.md §3.4). */
import { findDeliveryDelay, frenchNames, LEXICONS } from "../policy-lint";
import type { CheckSpec } from "../types";
import { fail, legalPages, lintPages, list, notApplicable, pageEvidence, pass, probedPages, reachedStorefront, storefrontGap, text, unavailable, warning } from "./outcome";

const SHIPPING = { shopify: "settings/shipping", woocommerce: "admin.php?page=wc-settings&tab=shipping" };
const POLICIES = { shopify: "settings/legal", woocommerce: "edit.php?post_type=page" };

export const deliveryReturnsChecks: CheckSpec[] = [
  {
    id: "del-delivery-date",
    category: "delivery-returns",
    severity: "critical",
    jurisdictions: ["EU"],
    platforms: ["shopify", "woocommerce"],
    title: text("A delivery date or maximum delay is shown before ordering", "Une date ou un délai maximal de livraison est indiqué avant la commande"),
    failureTitle: text("No delivery delay is shown", "Aucun délai de livraison n'est indiqué"),
    why: text(
      "You must deliver by the date or within the delay you announced; without one, delivery is due within 30 days and a late buyer may cancel.",
      "Vous devez livrer à la date ou dans le délai annoncé ; à défaut, la livraison est due sous 30 jours et le client en retard peut annuler.",
    ),
    legalBasis: ["Code de la consommation L111-1 3°, L216-1, L216-6", "Dir. 2011/83/EU art. 18"],
    fix: { adminPath: SHIPPING, docsUrl: "https://www.economie.gouv.fr/dgccrf/Publications/Vie-pratique/Fiches-pratiques/Livraison" },
    evaluate: (context) => {
      const { shipping } = context.snapshot.facts;
      const active = shipping?.filter((m) => m.enabled) ?? [];
      const withDelay = active.filter((m) => findDeliveryDelay(`${m.name}. ${m.description ?? ""}`) !== null);
      const methodEvidence = active.map((m) => ({ source: `shipping method (${m.zone})`, value: `${m.name}${m.description && m.description !== m.name ? ` — ${m.description}` : ""}` }));
      if (active.length && withDelay.length === active.length) return pass("high", text("Every shipping method states its delay.", "Chaque mode de livraison indique son délai."), methodEvidence);
      const policy = legalPages(context.snapshot, "shipping", "terms-of-sale");
      const inPolicy = policy.map((page) => ({ page, sentence: findDeliveryDelay(page.text) })).find((hit) => hit.sentence !== null);
      const storefront = reachedStorefront(context.snapshot);
      // The product and cart pages as the shop wrote them: Rassure's own blocks were cut out by the probe.
      const onPage = storefront ? probedPages(storefront, "product", "cart").map((page) => ({ page, sentence: findDeliveryDelay(page.text) })).find((hit) => hit.sentence !== null) : undefined;
      const pageEvidenceLine = onPage
        ? { source: onPage.page.url, value: `"${onPage.sentence}"` }
        : { source: "product/cart page", value: storefront ? `no delivery time found on ${probedPages(storefront, "product", "cart").length} page(s)` : "not visited" };
      const evidence = [...methodEvidence, ...pageEvidence(policy), ...(inPolicy ? [{ source: inPolicy.page.source, value: `"${inPolicy.sentence}"` }] : []), pageEvidenceLine];
      if (onPage) return pass("medium", text("A delivery delay is shown on the product or cart page.", "Un délai de livraison est affiché sur la fiche produit ou le panier."), evidence);
      if (inPolicy) return warning("low", text("Delays appear only in the shipping policy, not next to the product or at checkout.", "Les délais figurent seulement dans la politique d'expédition, pas près du produit ni au paiement."), evidence);
      if (!policy.length && shipping !== null && !active.length) return fail("high", text("No shipping method and no shipping policy.", "Aucun mode de livraison ni politique d'expédition."), evidence);
      return warning("low", text("We found no delivery delay anywhere: add one or confirm.", "Nous n'avons trouvé aucun délai de livraison : ajoutez-en un ou confirmez."), evidence);
    },
  },
  {
    id: "del-shipping-costs",
    category: "delivery-returns",
    severity: "critical",
    jurisdictions: ["EU"],
    platforms: ["shopify", "woocommerce"],
    title: text("Shipping costs and destinations are disclosed before checkout", "Les frais et destinations de livraison sont annoncés avant le paiement"),
    failureTitle: text("Shipping costs are not disclosed", "Les frais de livraison ne sont pas annoncés"),
    why: text("The total price, delivery included, must be known before the order.", "Le prix total, livraison comprise, doit être connu avant la commande."),
    legalBasis: ["Code de la consommation L221-5, L112-1", "Dir. 2011/83/EU art. 6(1)(e)"],
    fix: { adminPath: { shopify: "settings/legal", woocommerce: "admin.php?page=wc-settings&tab=shipping" }, docsUrl: "https://help.shopify.com/en/manual/checkout-settings/refund-privacy-tos", docsUrlOn: { woocommerce: "https://woocommerce.com/document/setting-up-shipping-zones/" } },
    evaluate: (context) => {
      const policy = legalPages(context.snapshot, "shipping");
      const { shipping, shipsToCountries } = context.snapshot.facts;
      const active = shipping?.filter((m) => m.enabled) ?? [];
      const uncovered = shipping ? shipsToCountries.filter((c) => !active.some((m) => m.countries.includes(c) || m.countries.includes("*"))) : [];
      const evidence = [...pageEvidence(policy), ...(shipping ? [{ source: "shipping zones", value: `${active.length} active method(s); ships to ${list(shipsToCountries)}` }] : [])];
      if (!policy.length && (shipping === null || !active.length)) return fail("high", text("No shipping policy is published.", "Aucune politique d'expédition n'est publiée."), evidence);
      if (uncovered.length) return warning("high", text(`No active shipping method for: ${list(uncovered)}.`, `Aucun mode de livraison actif pour : ${list(uncovered)}.`), evidence);
      if (policy.length && lintPages(policy, LEXICONS.shippingCosts).found.length) return pass("low", text("The shipping policy gives costs.", "La politique d'expédition indique les frais."), evidence);
      if (active.length && !policy.length) return warning("medium", text("Shipping methods exist but no shipping policy page explains costs.", "Des modes de livraison existent mais aucune page n'explique les frais."), evidence);
      return warning("low", text("We could not find shipping costs in the shipping policy.", "Nous n'avons pas trouvé les frais dans la politique d'expédition."), evidence);
    },
  },
  {
    id: "del-stock-availability",
    category: "delivery-returns",
    severity: "recommended",
    jurisdictions: ["ALL"],
    platforms: ["shopify", "woocommerce"],
    title: text("Stock availability is shown and overselling is not silent", "La disponibilité est affichée et la survente n'est pas silencieuse"),
    failureTitle: text("Products can be oversold silently", "Des produits peuvent être survendus sans prévenir"),
    why: text("Selling what you do not have, without saying so, triggers cancellations and refund duties.", "Vendre sans stock, sans le dire, entraîne annulations et obligations de remboursement."),
    legalBasis: ["Code de la consommation L111-1, L216-1"],
    fix: { adminPath: { shopify: "products/inventory", woocommerce: "admin.php?page=wc-settings&tab=products&section=inventory" }, docsUrl: "https://help.shopify.com/en/manual/products/inventory", docsUrlOn: { woocommerce: "https://woocommerce.com/document/configuring-woocommerce-settings/products-tab/" } },
    evaluate: (context) => {
      const products = context.snapshot.facts.products;
      if (products) {
        const evidence = [{ source: "products", value: `${products.oversellSilently}/${products.sampled} sold beyond stock without notice` }];
        if (products.oversellSilently > 0) return warning("high", text(`${products.oversellSilently} product(s) sell beyond stock without notice.`, `${products.oversellSilently} produit(s) se vendent au-delà du stock sans prévenir.`), evidence);
        return pass("high", text("No product is oversold silently.", "Aucun produit n'est survendu sans prévenir."), evidence);
      }
      const storefront = reachedStorefront(context.snapshot);
      if (!storefront) return storefrontGap(context);
      const product = storefront.pages.find((p) => p.kind === "product");
      if (!product) return unavailable(text("No product page was found to check.", "Aucune fiche produit trouvée à vérifier."));
      if (product.markers.includes("jsonld:availability")) return pass("medium", text("The product page declares its availability.", "La fiche produit déclare sa disponibilité."), [{ source: product.url, value: "offers.availability" }]);
      return warning("medium", text("The product page does not state availability.", "La fiche produit n'indique pas la disponibilité."), [{ source: product.url, value: "no offers.availability" }]);
    },
  },
  {
    id: "del-tracking-link",
    category: "delivery-returns",
    severity: "recommended",
    jurisdictions: ["ALL"],
    platforms: ["shopify", "woocommerce"],
    title: text("Shipments carry a carrier tracking link", "Les envois ont un lien de suivi transporteur"),
    failureTitle: text("Most shipments have no tracking link", "La plupart des envois n'ont pas de lien de suivi"),
    why: text("A working tracking link is the first thing buyers look for and cuts \"where is my order\" messages.", "Un lien de suivi fonctionnel est la première chose que cherche le client et réduit les demandes « où est ma commande »."),
    fix: { adminPath: { shopify: "orders", woocommerce: "edit.php?post_type=shop_order" }, docsUrl: "https://help.shopify.com/en/manual/fulfillment/managing-orders/fulfilling-orders/adding-tracking-numbers", docsUrlOn: { woocommerce: "https://woocommerce.com/document/shipment-tracking/" } },
    evaluate: ({ snapshot }) => {
      const tracking = snapshot.facts.tracking;
      if (!tracking) return unavailable(text("Fulfillments could not be read.", "Les expéditions n'ont pas pu être lues."));
      if (tracking.shipments === 0) return notApplicable(text(`No shipment in the last ${tracking.windowDays} days.`, `Aucun envoi sur les ${tracking.windowDays} derniers jours.`));
      const coverage = tracking.withTrackingUrl / tracking.shipments;
      const percent = Math.round(coverage * 100);
      const evidence = [{ source: `fulfillments, last ${tracking.windowDays} days`, value: `${tracking.withTrackingUrl}/${tracking.shipments} with a tracking URL` }];
      const summary = text(`${percent}% of recent shipments have a tracking link.`, `${percent} % des envois récents ont un lien de suivi.`);
      if (coverage >= 0.9) return pass("high", summary, evidence);
      if (coverage >= 0.5) return warning("high", summary, evidence);
      return fail("high", summary, evidence);
    },
  },
  {
    id: "del-returns-procedure",
    category: "delivery-returns",
    severity: "critical",
    jurisdictions: ["EU"],
    platforms: ["shopify", "woocommerce"],
    title: text("The return procedure is documented", "La procédure de retour est documentée"),
    failureTitle: text("No return procedure", "Aucune procédure de retour"),
    why: text("Buyers need to know how and where to return, who pays, and when they are refunded.", "Le client doit savoir comment et où retourner, qui paie, et quand il est remboursé."),
    legalBasis: ["Code de la consommation L221-5, L221-23"],
    fix: { adminPath: POLICIES, docsUrl: "https://help.shopify.com/en/manual/checkout-settings/refund-privacy-tos", docsUrlOn: { woocommerce: "https://wordpress.org/documentation/article/create-pages/" } },
    evaluate: (context) => {
      const pages = legalPages(context.snapshot, "refund");
      if (!pages.length) return fail("high", text("No refund or returns policy is published.", "Aucune politique de retour n'est publiée."));
      const { found, missing } = lintPages(pages, LEXICONS.returnsProcedure);
      const evidence = [...pageEvidence(pages), { source: "lint: found", value: list(found) || "-" }];
      if (missing.length) return warning("low", text(`The returns policy does not say: ${list(missing)}.`, `La politique de retour ne précise pas : ${list(frenchNames(missing))}.`), evidence);
      return pass("low", text("How, where, who pays and when are all covered.", "Comment, où, qui paie et quand : tout est couvert."), evidence);
    },
  },
];
