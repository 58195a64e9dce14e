/**
 * Privacy policy: the information GDPR article 13 requires when data is collected from the
 * shopper. One section per element the checklist's lint looks for, so a policy that lacks
 * some receives only those sections.
 */
import type { LegalTemplate } from "./template";

export const privacyTemplate: LegalTemplate = {
  kind: "privacy",
  title: { fr: "Politique de confidentialité", en: "Privacy policy" },
  references: ["GDPR (Regulation (EU) 2016/679) art. 6, 13, 15 to 22, 77", "Loi Informatique et Libertés (loi n° 78-17)", "CNIL référentiel « gestion commerciale » (retention periods)"],
  lexicons: ["privacy"],
  sections: [
    {
      id: "controller",
      covers: { privacy: ["controller"] },
      render: (w) =>
        w.locale === "fr"
          ? `<h2>Responsable du traitement</h2>\n<p>Le responsable du traitement de vos données personnelles est ${w.field("legalName")}, ${w.field("address")}, joignable à ${w.field("email")}.</p>`
          : `<h2>Data controller</h2>\n<p>The controller of your personal data is ${w.field("legalName")}, ${w.field("address")}, reachable at ${w.field("email")}.</p>`,
    },
    {
      id: "purposes",
      covers: { privacy: ["purposes", "legal bases"] },
      render: (w) =>
        w.locale === "fr"
          ? `<h2>Finalités et bases légales</h2>\n<ul><li>Traiter vos commandes, la livraison, le paiement, les retours et le service client : exécution du contrat.</li><li>Tenir notre comptabilité et répondre aux obligations fiscales : obligation légale.</li><li>Vous envoyer notre lettre d'information, si vous l'avez demandée : consentement, retirable à tout moment.</li><li>Prévenir la fraude au paiement et sécuriser le site : intérêt légitime.</li></ul>`
          : `<h2>Purposes and legal bases</h2>\n<ul><li>Processing your orders, delivery, payment, returns and customer service: performance of the contract.</li><li>Keeping our accounts and meeting tax obligations: legal obligation.</li><li>Sending our newsletter, if you asked for it: consent, which you may withdraw at any time.</li><li>Preventing payment fraud and securing the website: legitimate interest.</li></ul>`,
    },
    {
      id: "recipients",
      covers: { privacy: ["recipients"] },
      render: (w) => {
        const platform = w.facts.platform === "shopify" ? "Shopify" : w.locale === "fr" ? "notre hébergeur" : "our host";
        return w.locale === "fr"
          ? `<h2>Destinataires</h2>\n<p>Vos données sont destinées à nos équipes et, pour ce qui les concerne, à nos prestataires : ${platform} (plateforme de la boutique), nos prestataires de paiement et nos transporteurs. Nous ne vendons pas vos données.</p>`
          : `<h2>Recipients</h2>\n<p>Your data is used by our team and, for their part, by our service providers: ${platform} (the shop's platform), our payment providers and our carriers. We do not sell your data.</p>`;
      },
    },
    {
      id: "retention",
      covers: { privacy: ["retention periods"] },
      render: (w) =>
        w.locale === "fr"
          ? `<h2>Durée de conservation</h2>\n<p>Les données de commande sont conservées pendant la relation commerciale puis 3 ans pour la prospection ; les pièces comptables 10 ans ; les données de prospection des non-clients 3 ans après le dernier contact.</p>`
          : `<h2>Retention periods</h2>\n<p>Order data is kept for the duration of the customer relationship, then 3 years for marketing; accounting records 10 years; marketing data of non-customers 3 years after the last contact.</p>`,
    },
    {
      id: "rights",
      covers: { privacy: ["data-subject rights"] },
      render: (w) =>
        w.locale === "fr"
          ? `<h2>Vos droits</h2>\n<p>Vous disposez d'un droit d'accès, de rectification, d'effacement, de limitation, d'opposition et de portabilité de vos données, et pouvez définir des directives sur leur sort après votre décès. Écrivez-nous à ${w.field("email")}.</p>`
          : `<h2>Your rights</h2>\n<p>You have the right of access to your data, and to rectification, erasure, restriction, objection and portability. Write to us at ${w.field("email")}.</p>`,
    },
    {
      id: "authority",
      covers: { privacy: ["supervisory authority"] },
      render: (w) =>
        w.locale === "fr"
          ? `<h2>Réclamation</h2>\n<p>Vous pouvez introduire une réclamation auprès de la CNIL (www.cnil.fr).</p>`
          : `<h2>Complaints</h2>\n<p>You may lodge a complaint with a supervisory authority, in France the CNIL (www.cnil.fr).</p>`,
    },
  ],
};
