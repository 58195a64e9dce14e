/** Payment security (checklist-spec.md §3.1). */
import type { PaymentMethodFact } from "../../../adapters/checklist-snapshot";
import type { CheckSpec } from "../types";
import { fail, list, manualPending, markers, pass, reachedStorefront, storefrontGap, text, warning } from "./outcome";

const PAYMENTS = { shopify: "settings/payments", woocommerce: "admin.php?page=wc-settings&tab=checkout" };

const methodEvidence = (methods: PaymentMethodFact[]) => methods.map((m) => ({ source: `payment method (${m.source})`, value: `${m.title} [${m.id}]` }));

export const paymentChecks: CheckSpec[] = [
  {
    id: "pay-trusted-psp",
    category: "payment",
    severity: "critical",
    jurisdictions: ["ALL"],
    platforms: ["shopify", "woocommerce"],
    title: text("Card payments go through a trusted, regulated payment provider", "Les paiements par carte passent par un prestataire de paiement reconnu et agréé"),
    failureTitle: text("No trusted card payment provider found", "Aucun prestataire de paiement par carte reconnu"),
    why: text(
      "A licensed payment institution handles card data, fraud screening and strong authentication; shoppers trust the brands they know.",
      "Un établissement de paiement agréé traite les données de carte, la lutte contre la fraude et l'authentification forte ; les clients font confiance aux marques qu'ils connaissent.",
    ),
    legalBasis: ["PSD2 (Dir. 2015/2366) licensing of the PSP"],
    fix: { adminPath: PAYMENTS, docsUrl: "https://help.shopify.com/en/manual/payments" },
    attestation: {
      prompt: text("Which card payment provider is enabled in your payment settings?", "Quel prestataire de paiement par carte est activé dans vos réglages de paiement ?"),
      evidence: ["text", "url"],
      expiresAfterDays: 365,
    },
    evaluate: ({ snapshot }) => {
      const enabled = snapshot.facts.payments.methods.filter((m) => m.enabled);
      const evidence = methodEvidence(enabled);
      const psp = enabled.filter((m) => m.kind === "card-psp");
      if (psp.length) return pass("high", text(`Cards are taken by ${list(psp.map((m) => m.title))}.`, `Les cartes sont encaissées par ${list(psp.map((m) => m.title))}.`), evidence);
      if (enabled.some((m) => m.kind === "paypal-standard")) {
        return warning("high", text("Only the legacy PayPal Standard redirect is enabled.", "Seule l'ancienne redirection PayPal Standard est activée."), evidence);
      }
      if (enabled.length && enabled.every((m) => m.kind === "offline")) {
        return fail("high", text("You accept no online card payment (offline methods only).", "Vous n'acceptez aucun paiement par carte en ligne (moyens hors ligne uniquement)."), evidence);
      }
      if (enabled.length) return warning("medium", text(`Unrecognised payment method: ${list(enabled.map((m) => m.title))}.`, `Moyen de paiement non reconnu : ${list(enabled.map((m) => m.title))}.`), evidence);
      return manualPending(text("No recent order shows which provider takes cards: confirm it.", "Aucune commande récente n'indique quel prestataire encaisse les cartes : confirmez-le."));
    },
  },
  {
    id: "pay-sca-3ds",
    category: "payment",
    severity: "critical",
    jurisdictions: ["EU"],
    platforms: ["shopify", "woocommerce"],
    title: text("3-D Secure strong customer authentication is active", "L'authentification forte 3-D Secure est active"),
    failureTitle: text("3-D Secure strong customer authentication is off", "L'authentification forte 3-D Secure est désactivée"),
    why: text(
      "PSD2 requires strong customer authentication for online card payments in Europe; authenticated payments also move fraud liability to the card issuer.",
      "La DSP2 impose l'authentification forte pour les paiements par carte en ligne en Europe ; un paiement authentifié transfère aussi la responsabilité de la fraude à la banque émettrice.",
    ),
    legalBasis: ["PSD2 art. 97", "Delegated Reg. (EU) 2018/389"],
    fix: { adminPath: PAYMENTS, docsUrl: "https://docs.stripe.com/strong-customer-authentication" },
    attestation: {
      prompt: text("Confirm your payment provider applies 3-D Secure when required.", "Confirmez que votre prestataire applique 3-D Secure lorsque c'est requis."),
      evidence: ["url", "text"],
      expiresAfterDays: 365,
    },
    evaluate: ({ snapshot }) => {
      const cards = snapshot.facts.payments.methods.filter((m) => m.enabled && m.kind !== "offline");
      const evidence = cards.map((m) => ({ source: m.title, value: m.strongAuthentication === null ? "3-D Secure: unknown" : `3-D Secure: ${m.strongAuthentication ? "on" : "off"}` }));
      const off = cards.filter((m) => m.strongAuthentication === false);
      if (off.length) return fail("high", text(`3-D Secure is off for ${list(off.map((m) => m.title))}.`, `3-D Secure est désactivé pour ${list(off.map((m) => m.title))}.`), evidence);
      if (cards.length && cards.every((m) => m.strongAuthentication === true)) {
        return pass("high", text(`${list(cards.map((m) => m.title))} apply 3-D Secure automatically.`, `${list(cards.map((m) => m.title))} appliquent 3-D Secure automatiquement.`), evidence);
      }
      const unknown = cards.filter((m) => m.strongAuthentication === null).map((m) => m.title);
      return manualPending(
        unknown.length
          ? text(`Rassure cannot see the 3-D Secure setting of ${list(unknown)}: confirm it.`, `Rassure ne peut pas voir le réglage 3-D Secure de ${list(unknown)} : confirmez-le.`)
          : text("No card payment provider seen yet: confirm 3-D Secure once one is enabled.", "Aucun prestataire de carte détecté : confirmez 3-D Secure une fois activé."),
        evidence,
      );
    },
  },
  {
    id: "pay-pci-scope",
    category: "payment",
    severity: "critical",
    jurisdictions: ["ALL"],
    platforms: ["shopify", "woocommerce"],
    title: text("Card numbers never reach your server", "Les numéros de carte ne transitent jamais par votre serveur"),
    failureTitle: text("Card numbers are typed into your own page", "Les numéros de carte sont saisis sur votre propre page"),
    why: text(
      "Keeping card entry in your provider's hosted form keeps you in the lightest PCI DSS self-assessment (SAQ A) and out of reach of card skimmers.",
      "Laisser la saisie de la carte au formulaire hébergé du prestataire vous maintient dans l'auto-évaluation PCI DSS la plus légère (SAQ A) et hors de portée des skimmers.",
    ),
    legalBasis: ["PCI DSS v4.0.1 (contractual, via the acquirer)"],
    fix: { adminPath: PAYMENTS, docsUrl: "https://www.pcisecuritystandards.org/document_library/" },
    attestation: {
      prompt: text("SAQ A (or A-EP) completed in the last 12 months, or your provider's compliance confirmation.", "SAQ A (ou A-EP) rempli depuis moins de 12 mois, ou confirmation de conformité de votre prestataire."),
      evidence: ["date", "url"],
      expiresAfterDays: 365,
    },
    evaluate: (context) => {
      const { facts } = context.snapshot;
      if (facts.payments.hostedCheckout) {
        return pass("high", text("Card entry happens in the platform's PCI DSS Level 1 checkout.", "La saisie de la carte a lieu dans le paiement de la plateforme, certifié PCI DSS niveau 1."));
      }
      const storefront = reachedStorefront(context.snapshot);
      const raw = storefront ? markers(storefront, "raw-card-input", "checkout") : [];
      if (raw.length) return fail("medium", text("A card-number field is posted by the checkout page itself.", "Un champ de numéro de carte est envoyé par la page de paiement elle-même."), raw.map((r) => ({ source: r.page.url, value: r.marker })));
      const unknown = facts.payments.methods.filter((m) => m.enabled && m.kind === "unknown");
      if (unknown.length) return warning("medium", text(`Unknown card gateway: ${list(unknown.map((m) => m.title))}.`, `Passerelle de carte inconnue : ${list(unknown.map((m) => m.title))}.`));
      if (!storefront) return storefrontGap(context);
      const checkout = storefront.pages.find((p) => p.kind === "checkout");
      if (checkout && !checkout.markers.includes("csp")) {
        return warning("medium", text("The checkout page sends no Content-Security-Policy (SAQ A script-attack criterion).", "La page de paiement n'envoie pas de Content-Security-Policy (critère SAQ A sur les scripts)."), [{ source: checkout.url, value: "no Content-Security-Policy" }]);
      }
      return manualPending(text("Cards go to hosted fields; confirm your yearly PCI self-assessment.", "Les cartes passent par des champs hébergés ; confirmez votre auto-évaluation PCI annuelle."));
    },
  },
  {
    id: "pay-psp-logos",
    category: "payment",
    severity: "nice-to-have",
    jurisdictions: ["ALL"],
    platforms: ["shopify", "woocommerce"],
    title: text("Accepted payment methods are shown", "Les moyens de paiement acceptés sont affichés"),
    failureTitle: text("Accepted payment methods are not shown", "Les moyens de paiement acceptés ne sont pas affichés"),
    why: text("Payment logos in the footer and cart reassure shoppers before they reach checkout.", "Les logos de paiement dans le pied de page et le panier rassurent avant le paiement."),
    fix: { adminPath: { shopify: "themes", woocommerce: "nav-menus.php" }, docsUrl: "https://help.shopify.com/en/manual/online-store/themes" },
    evaluate: (context) => {
      const theme = context.snapshot.facts.theme;
      if (theme?.footerShowsPaymentIcons) return pass("high", text("The theme footer shows payment icons.", "Le pied de page du thème affiche les logos de paiement."), [{ source: "sections/footer-group.json", value: "payment_enable: true" }]);
      const storefront = reachedStorefront(context.snapshot);
      if (!storefront) return theme?.footerShowsPaymentIcons === false ? warning("high", text("Payment icons are turned off in the theme footer.", "Les logos de paiement sont désactivés dans le pied de page du thème.")) : storefrontGap(context);
      const seen = markers(storefront, "payment-icons");
      if (seen.length) return pass("medium", text("Payment logos are visible on the storefront.", "Des logos de paiement sont visibles sur la boutique."), seen.map((s) => ({ source: s.page.url, value: s.marker })));
      return warning("medium", text("No payment logo found in the footer or cart.", "Aucun logo de paiement dans le pied de page ni le panier."));
    },
  },
];
