/**
 * Returns, withdrawal and refunds, with the EU model withdrawal form. The form's wording is
 * the statutory one (Directive 2011/83/EU annex I(B); Code de la consommation annex to
 * R221-1): the law requires that wording, so it is reproduced as the law gives it.
 */
import type { LegalTemplate } from "./template";

export const refundTemplate: LegalTemplate = {
  kind: "refund",
  title: { fr: "Retours, rétractation et remboursements", en: "Returns, withdrawal and refunds" },
  references: [
    "Code de la consommation L221-18 (14 days), L221-21 to L221-24 (return and refund within 14 days, initial delivery included), L221-28 (exceptions)",
    "Code de la consommation R221-1 and its annex (model withdrawal form)",
    "Directive 2011/83/EU art. 9 to 16 and annex I(B)",
    "Code de la consommation L217-3 ff.; Code civil 1641 ff. (legal guarantees)",
  ],
  lexicons: ["withdrawal", "refund14", "returnsProcedure", "guarantees"],
  sections: [
    {
      id: "withdrawal",
      covers: { withdrawal: ["withdrawal right", "14-day period"], returnsProcedure: ["how to start a return"] },
      render: (w) =>
        w.locale === "fr"
          ? `<h2>Droit de rétractation de 14 jours</h2>\n<p>Vous pouvez changer d'avis : vous disposez de 14 jours à compter de la réception de votre commande pour exercer votre droit de rétractation, sans avoir à vous justifier. Pour cela, informez-nous de votre décision par une déclaration claire, par e-mail à ${w.field("email")} ou par courrier, par exemple au moyen du formulaire ci-dessous (son usage n'est pas obligatoire).</p>`
          : `<h2>14-day right of withdrawal</h2>\n<p>You may change your mind: you have 14 days from receiving your order to withdraw, without giving any reason. To do so, tell us clearly, by e-mail to ${w.field("email")} or by post, for example with the form below (using it is not mandatory).</p>`,
    },
    {
      id: "return",
      covers: { returnsProcedure: ["return address", "who pays return shipping", "exchanges"] },
      render: (w) => {
        const cost =
          w.facts.identity.returnCosts === "seller"
            ? w.locale === "fr" ? "Les frais de retour sont à notre charge." : "We pay the return shipping."
            : w.locale === "fr" ? "Les frais de retour sont à votre charge." : "You pay the return shipping.";
        return w.locale === "fr"
          ? `<h2>Renvoyer un produit</h2>\n<p>Renvoyez le produit au plus tard 14 jours après nous avoir informés de votre rétractation, à l'adresse de retour suivante : ${w.field("legalName")}, ${w.field("address")}. ${cost} Pour un échange, renvoyez le produit puis passez une nouvelle commande.</p>`
          : `<h2>Sending a product back</h2>\n<p>Send the product back within 14 days of telling us you withdraw, to this return address: ${w.field("legalName")}, ${w.field("address")}. ${cost} For an exchange, return the product and place a new order.</p>`;
      },
    },
    {
      id: "refund",
      covers: { refund14: ["refund", "within 14 days", "initial delivery costs"], returnsProcedure: ["refund timing"] },
      render: (w) =>
        w.locale === "fr"
          ? `<h2>Remboursement</h2>\n<p>Nous vous remboursons la totalité des sommes versées, y compris les frais de livraison initiaux (au tarif de la livraison standard), dans un délai de 14 jours à compter du jour où nous sommes informés de votre rétractation, avec le moyen de paiement utilisé pour la commande. Nous pouvons différer le remboursement jusqu'à la réception du produit ou jusqu'à ce que vous ayez fourni la preuve de son expédition.</p>`
          : `<h2>Refund</h2>\n<p>We refund within 14 days of the day we are informed of your withdrawal all payments received from you, including the initial delivery costs (at the standard delivery rate), with the payment method used for the order. We may withhold the refund until we have received the product back or you have supplied proof of having sent it.</p>`,
    },
    {
      id: "exceptions",
      covers: {},
      render: (w) =>
        w.locale === "fr"
          ? `<h2>Exceptions</h2>\n<p>Le droit de rétractation ne s'applique pas notamment aux produits confectionnés selon vos spécifications ou nettement personnalisés, aux produits qui se détériorent ou se périment rapidement, et aux produits descellés après la livraison qui ne peuvent être renvoyés pour des raisons d'hygiène ou de protection de la santé.</p>`
          : `<h2>Exceptions</h2>\n<p>The right of withdrawal does not apply, among others, to products made to your specifications or clearly personalised, products that deteriorate or expire rapidly, and sealed products unsealed after delivery that are not suitable for return for health or hygiene reasons.</p>`,
    },
    {
      id: "guarantees",
      covers: { guarantees: ["guarantee of conformity", "hidden defects"] },
      render: (w) =>
        w.locale === "fr"
          ? `<h2>Produit défectueux ou non conforme</h2>\n<p>Indépendamment de la rétractation, vous bénéficiez de la garantie légale de conformité (articles L217-3 et suivants du Code de la consommation, 2 ans à compter de la livraison) et de la garantie des vices cachés (articles 1641 et suivants du Code civil). Contactez-nous à ${w.field("email")} : la réparation, le remplacement ou le remboursement se font sans frais pour vous.</p>`
          : `<h2>Faulty or non-conforming product</h2>\n<p>Apart from withdrawal, you benefit from the legal guarantee of conformity (French Consumer Code, article L217-3 and following, 2 years from delivery) and the guarantee against hidden defects (French Civil Code, article 1641 and following). Contact us at ${w.field("email")}: repair, replacement or refund is free of charge for you.</p>`,
    },
    {
      id: "model-form",
      covers: { withdrawal: ["model withdrawal form"] },
      render: (w) =>
        w.locale === "fr"
          ? `<h2>Formulaire de rétractation</h2>\n<p>(Veuillez compléter et renvoyer le présent formulaire uniquement si vous souhaitez vous rétracter du contrat.)</p>\n<p>À l'attention de ${w.field("legalName")}, ${w.field("address")}, ${w.field("email")} :</p>\n<p>Je/Nous (*) vous notifie/notifions (*) par la présente ma/notre (*) rétractation du contrat portant sur la vente du bien (*)/pour la prestation de services (*) ci-dessous :</p>\n<p>Commandé le (*)/reçu le (*) :<br>Nom du (des) consommateur(s) :<br>Adresse du (des) consommateur(s) :<br>Signature du (des) consommateur(s) (uniquement en cas de notification du présent formulaire sur papier) :<br>Date :</p>\n<p>(*) Rayez la mention inutile.</p>`
          : `<h2>Model withdrawal form</h2>\n<p>(Complete and return this form only if you wish to withdraw from the contract.)</p>\n<p>To ${w.field("legalName")}, ${w.field("address")}, ${w.field("email")}:</p>\n<p>I/We (*) hereby give notice that I/We (*) withdraw from my/our (*) contract of sale of the following goods (*)/for the provision of the following service (*),</p>\n<p>Ordered on (*)/received on (*),<br>Name of consumer(s),<br>Address of consumer(s),<br>Signature of consumer(s) (only if this form is notified on paper),<br>Date</p>\n<p>(*) Delete as appropriate.</p>`,
    },
  ],
};
