/**
 * Legal notice (mentions légales): who publishes the site and who hosts it. Rests on the
 * French LCEN (publisher and host identification) and the e-commerce directive's
 * information duties.
 */
import type { LegalTemplate } from "./template";

export const legalNoticeTemplate: LegalTemplate = {
  kind: "legal-notice",
  title: { fr: "Mentions légales", en: "Legal notice" },
  references: ["LCEN (loi n° 2004-575) art. 1-1 (former art. 6 III) and art. 19", "Code de commerce R123-237", "Directive 2000/31/EC art. 5"],
  lexicons: ["legalNotice"],
  sections: [
    {
      id: "publisher",
      covers: { legalNotice: ["legal form", "SIREN/SIRET", "RCS/RM", "share capital", "VAT number", "postal address"] },
      render: (w) =>
        w.locale === "fr"
          ? `<h2>Éditeur du site</h2>
<p>Le site ${w.escape(w.facts.storefrontUrl)} est édité par ${w.field("legalName")}, ${w.field("legalForm")} au capital social de ${w.field("shareCapital")} €, immatriculée au RCS de ${w.field("rcsCity")} sous le numéro SIREN ${w.field("siren")}, dont le siège social est situé ${w.field("address")}.</p>
<p>Numéro de TVA intracommunautaire : ${w.field("vatNumber")}.</p>
<p>Téléphone : ${w.field("phone")} — E-mail : ${w.field("email")}</p>`
          : `<h2>Publisher</h2>
<p>The website ${w.escape(w.facts.storefrontUrl)} is published by ${w.field("legalName")}, ${w.field("legalForm")} with a share capital of ${w.field("shareCapital")} €, registered with the RCS of ${w.field("rcsCity")} (Trade and Companies Register) under SIREN ${w.field("siren")}, whose registered office is at ${w.field("address")}.</p>
<p>Intra-community VAT number: ${w.field("vatNumber")}.</p>
<p>Phone: ${w.field("phone")} — E-mail: ${w.field("email")}</p>`,
    },
    {
      id: "director",
      covers: { legalNotice: ["publication director"] },
      render: (w) =>
        w.locale === "fr"
          ? `<h2>Directeur de la publication</h2>\n<p>${w.field("publicationDirector")}</p>`
          : `<h2>Publication director</h2>\n<p>${w.field("publicationDirector")}</p>`,
    },
    {
      id: "host",
      covers: { legalNotice: ["host"] },
      render: (w) => {
        const phone = w.optional("hostPhone");
        return w.locale === "fr"
          ? `<h2>Hébergement</h2>\n<p>Le site est hébergé par ${w.field("hostName")}, ${w.field("hostAddress")}${phone ? `, téléphone : ${phone}` : ""}.</p>`
          : `<h2>Hosting</h2>\n<p>The website is hosted by ${w.field("hostName")}, ${w.field("hostAddress")}${phone ? `, phone: ${phone}` : ""}.</p>`;
      },
    },
    {
      id: "intellectual-property",
      covers: {},
      render: (w) =>
        w.locale === "fr"
          ? `<h2>Propriété intellectuelle</h2>\n<p>Les textes, photographies, logos et autres contenus de ce site appartiennent à ${w.field("legalName")} ou à leurs auteurs. Leur reproduction sans autorisation écrite préalable est interdite.</p>`
          : `<h2>Intellectual property</h2>\n<p>The texts, photographs, logos and other content of this website belong to ${w.field("legalName")} or to their authors. Reproducing them without prior written permission is not allowed.</p>`,
    },
  ],
};
