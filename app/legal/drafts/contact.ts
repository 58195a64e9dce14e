/**
 * Contact information: how to reach the seller, which consumers must get before buying
 * (and Shopify shows as its own "Contact information" policy).
 */
import type { LegalTemplate } from "./template";

export const contactTemplate: LegalTemplate = {
  kind: "contact",
  title: { fr: "Coordonnées", en: "Contact information" },
  references: ["Code de la consommation L111-1 4° and L221-5 (seller's identity and contact details)", "LCEN art. 19"],
  lexicons: [],
  sections: [
    {
      id: "contact",
      covers: {},
      render: (w) =>
        w.locale === "fr"
          ? `<h2>Nous contacter</h2>\n<p><strong>${w.field("legalName")}</strong><br>${w.field("address")}</p>\n<p>Téléphone : ${w.field("phone")}<br>E-mail : ${w.field("email")}</p>`
          : `<h2>Contact us</h2>\n<p><strong>${w.field("legalName")}</strong><br>${w.field("address")}</p>\n<p>Phone: ${w.field("phone")}<br>E-mail: ${w.field("email")}</p>`,
    },
  ],
};
