/**
 * Terms of sale (conditions générales de vente) for a shop selling goods to consumers from
 * France: the pre-contractual information of the Code de la consommation, the 14-day
 * withdrawal right, both legal guarantees, mediation and the applicable law.
 */
import type { LegalTemplate, Writer } from "./template";

const list = (w: Writer, items: string[], fallback: string) => (items.length ? items.map(w.escape).join(", ") : fallback);

export const termsOfSaleTemplate: LegalTemplate = {
  kind: "terms-of-sale",
  title: { fr: "Conditions générales de vente", en: "Terms of sale" },
  references: [
    "Code de la consommation L111-1, L112-1 (prices), L221-5 (pre-contractual information), L221-14 (order button)",
    "Code de la consommation L216-1 (delivery within 30 days when no date is given)",
    "Code de la consommation L221-18 to L221-28 (withdrawal right and its exceptions)",
    "Code de la consommation L217-3 to L217-20 (legal guarantee of conformity); Code civil 1641 to 1649 (hidden defects)",
    "Code de la consommation L612-1, L616-1 (consumer mediation)",
    "Regulation (EC) 593/2008 art. 6 (law applicable to consumer contracts)",
  ],
  lexicons: ["termsOfSale", "withdrawal", "guarantees", "mediator"],
  sections: [
    {
      id: "seller",
      covers: {},
      render: (w) =>
        w.locale === "fr"
          ? `<h2>1. Vendeur</h2>\n<p>Les présentes conditions s'appliquent aux ventes conclues sur ${w.escape(w.facts.storefrontUrl)} entre ${w.field("legalName")}, ${w.field("legalForm")}, SIREN ${w.field("siren")}, ${w.field("address")}, e-mail ${w.field("email")}, téléphone ${w.field("phone")} (« le vendeur ») et toute personne qui achète pour un usage non professionnel (« le client »).</p>`
          : `<h2>1. Seller</h2>\n<p>These terms apply to sales made on ${w.escape(w.facts.storefrontUrl)} between ${w.field("legalName")}, ${w.field("legalForm")}, SIREN ${w.field("siren")}, ${w.field("address")}, e-mail ${w.field("email")}, phone ${w.field("phone")} ("the seller") and any person buying for non-professional purposes ("the customer").</p>`,
    },
    {
      id: "prices",
      covers: { termsOfSale: ["prices incl. tax"] },
      render: (w) =>
        w.locale === "fr"
          ? `<h2>2. Prix</h2>\n<p>Les prix sont indiqués en euros toutes taxes comprises (TTC). Les frais de livraison sont indiqués avant la validation de la commande et s'ajoutent au prix des produits. Le prix applicable est celui affiché au moment de la commande.</p>`
          : `<h2>2. Prices</h2>\n<p>Prices are shown in euros including VAT (incl. tax). Delivery costs are shown before the order is confirmed and are added to the price of the products. The price that applies is the one displayed when the order is placed.</p>`,
    },
    {
      id: "order",
      covers: {},
      render: (w) =>
        w.locale === "fr"
          ? `<h2>3. Commande</h2>\n<p>Le client choisit ses produits, vérifie le contenu de son panier, le prix total et les frais de livraison, puis valide sa commande en cliquant sur le bouton « Commande avec obligation de paiement » ou une formule équivalente. Le vendeur confirme la commande par e-mail ; cette confirmation reprend les présentes conditions.</p>`
          : `<h2>3. Ordering</h2>\n<p>The customer chooses the products, checks the cart, the total price and the delivery costs, then places the order by clicking the button "Order with obligation to pay" or an equivalent wording. The seller confirms the order by e-mail; the confirmation includes these terms.</p>`,
    },
    {
      id: "payment",
      covers: { termsOfSale: ["payment methods"] },
      render: (w) =>
        w.locale === "fr"
          ? `<h2>4. Paiement</h2>\n<p>Le paiement est exigible à la commande. Moyens de paiement acceptés : ${list(w, w.facts.paymentMethods, "ceux proposés au moment du paiement")}. La commande n'est traitée qu'après accord du paiement.</p>`
          : `<h2>4. Payment</h2>\n<p>Payment is due when the order is placed. Payment methods accepted: ${list(w, w.facts.paymentMethods, "those offered at checkout")}. The order is processed once the payment is authorised.</p>`,
    },
    {
      id: "delivery",
      covers: { termsOfSale: ["delivery delays"] },
      render: (w) => {
        const zones = w.facts.shipsTo.length ? w.countries(w.facts.shipsTo) : "";
        return w.locale === "fr"
          ? `<h2>5. Livraison</h2>\n<p>${zones ? `Zones de livraison : ${zones}. ` : ""}Délai de livraison : ${w.field("deliveryTimes")}. Le délai applicable est confirmé avant la validation de la commande. À défaut de date ou de délai indiqué, le produit est livré au plus tard 30 jours après la commande. En cas de retard, le client peut, après mise en demeure restée sans effet, résoudre le contrat et être remboursé sous 14 jours.</p>`
          : `<h2>5. Delivery</h2>\n<p>${zones ? `Delivery areas: ${zones}. ` : ""}Delivery time: ${w.field("deliveryTimes")}. The time that applies is confirmed before the order is placed. If no date or time is given, the product is delivered within 30 days of the order at the latest. If delivery is late, the customer may, after a formal notice that remains unanswered, cancel the contract and be refunded within 14 days.</p>`;
      },
    },
    {
      id: "withdrawal",
      covers: { termsOfSale: ["withdrawal right"], withdrawal: ["withdrawal right", "14-day period", "model withdrawal form"] },
      render: (w) => {
        const refund = w.facts.refundUrl ? ` (<a href="${w.escape(w.facts.refundUrl)}">${w.locale === "fr" ? "politique de retour" : "returns policy"}</a>)` : "";
        const returnCost =
          w.facts.identity.returnCosts === "seller"
            ? w.locale === "fr" ? "Les frais de retour sont à la charge du vendeur." : "The seller pays the cost of returning the goods."
            : w.locale === "fr" ? "Les frais directs de retour sont à la charge du client." : "The customer pays the direct cost of returning the goods.";
        return w.locale === "fr"
          ? `<h2>6. Droit de rétractation</h2>\n<p>Le client dispose d'un délai de 14 jours à compter de la réception du produit pour exercer son droit de rétractation, sans avoir à justifier de motif. Il notifie sa décision par une déclaration dénuée d'ambiguïté, par exemple par e-mail à ${w.field("email")}, ou au moyen du formulaire type de rétractation${refund}. ${returnCost} Le vendeur rembourse la totalité des sommes versées, y compris les frais de livraison initiaux (livraison standard), au plus tard 14 jours après avoir été informé de la rétractation ; il peut différer le remboursement jusqu'à la récupération du produit ou la preuve de son expédition.</p>\n<p>Le droit de rétractation ne s'applique pas notamment aux biens confectionnés selon les spécifications du client ou nettement personnalisés, aux biens susceptibles de se détériorer ou de se périmer rapidement, et aux biens descellés après livraison qui ne peuvent être renvoyés pour des raisons d'hygiène ou de protection de la santé.</p>`
          : `<h2>6. Right of withdrawal</h2>\n<p>The customer has 14 days from receiving the product to withdraw from the contract without giving any reason. The customer states the decision clearly, for example by e-mail to ${w.field("email")}, or with the model withdrawal form${refund}. ${returnCost} The seller refunds all payments received, including the initial delivery costs (standard delivery), within 14 days of being informed of the withdrawal; the refund may be withheld until the goods are received back or proof of their return is supplied.</p>\n<p>The right of withdrawal does not apply, among others, to goods made to the customer's specifications or clearly personalised, goods liable to deteriorate or expire rapidly, and sealed goods unsealed after delivery that are not suitable for return for health or hygiene reasons.</p>`;
      },
    },
    {
      id: "guarantees",
      covers: { termsOfSale: ["legal guarantees"], guarantees: ["guarantee of conformity", "hidden defects"] },
      render: (w) =>
        w.locale === "fr"
          ? `<h2>7. Garanties légales</h2>\n<p>Le vendeur est tenu de la garantie légale de conformité (articles L217-3 à L217-20 du Code de la consommation) : le client dispose de 2 ans à compter de la délivrance du bien pour l'exercer ; il peut obtenir la réparation ou le remplacement du bien, ou, à défaut, une réduction du prix ou la résolution du contrat, sans frais. Les défauts apparaissant dans les 24 mois suivant la délivrance sont présumés exister au moment de celle-ci.</p>\n<p>Le vendeur est également tenu de la garantie des vices cachés (articles 1641 à 1649 du Code civil) : le client peut l'exercer dans les 2 ans suivant la découverte du vice et choisir entre la résolution de la vente et une réduction du prix.</p>`
          : `<h2>7. Legal guarantees</h2>\n<p>The seller is bound by the legal guarantee of conformity (French Consumer Code, articles L217-3 to L217-20): the customer has 2 years from delivery to use it and may have the goods repaired or replaced or, failing that, obtain a price reduction or cancel the contract, free of charge. Defects that appear within 24 months of delivery are presumed to have existed at delivery.</p>\n<p>The seller is also bound by the guarantee against hidden defects (French Civil Code, articles 1641 to 1649): the customer may use it within 2 years of discovering the defect and choose between cancelling the sale and a price reduction.</p>`,
    },
    {
      id: "mediation",
      covers: { termsOfSale: ["mediator"], mediator: ["mediator"] },
      render: (w) =>
        w.locale === "fr"
          ? `<h2>8. Médiation de la consommation</h2>\n<p>En cas de litige non résolu avec notre service client, le client peut recourir gratuitement au médiateur de la consommation : ${w.field("mediatorName")}, ${w.field("mediatorUrl")}.</p>`
          : `<h2>8. Consumer mediation</h2>\n<p>If a dispute is not settled with our customer service, the customer may refer it free of charge to the consumer mediator: ${w.field("mediatorName")}, ${w.field("mediatorUrl")}.</p>`,
    },
    {
      id: "personal-data",
      covers: {},
      render: (w) => {
        const link = w.facts.privacyUrl ? ` <a href="${w.escape(w.facts.privacyUrl)}">${w.locale === "fr" ? "politique de confidentialité" : "privacy policy"}</a>` : "";
        return w.locale === "fr"
          ? `<h2>9. Données personnelles</h2>\n<p>Les données collectées lors de la commande servent à son traitement et à la relation client, comme l'explique notre${link || " politique de confidentialité"}.</p>`
          : `<h2>9. Personal data</h2>\n<p>The data collected with an order is used to process it and for customer service, as explained in our${link || " privacy policy"}.</p>`;
      },
    },
    {
      id: "law",
      covers: { termsOfSale: ["applicable law"] },
      render: (w) =>
        w.locale === "fr"
          ? `<h2>10. Droit applicable</h2>\n<p>Les présentes conditions sont soumises au droit français, sans priver le client des règles impératives plus protectrices de son pays de résidence.</p>`
          : `<h2>10. Applicable law</h2>\n<p>These terms are governed by French law, without depriving the customer of the more protective mandatory rules of the country where they live.</p>`,
    },
  ],
};
