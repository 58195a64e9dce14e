import type { legalEn } from "./legal.en";

/** Textes français des brouillons juridiques et de l'identité de l'entreprise (mêmes clés que legal.en.ts). */
export const legalFr: Record<keyof typeof legalEn, string> = {
  "legal.field.legalName": "Dénomination sociale",
  "legal.field.legalForm": "Forme juridique (SAS, SARL, EI…)",
  "legal.field.shareCapital": "Capital social (€)",
  "legal.field.siren": "SIREN ou SIRET",
  "legal.field.rcsCity": "Ville du greffe (RCS)",
  "legal.field.vatNumber": "Numéro de TVA intracommunautaire",
  "legal.field.address": "Adresse du siège",
  "legal.field.email": "E-mail de contact",
  "legal.field.phone": "Téléphone",
  "legal.field.publicationDirector": "Directeur ou directrice de la publication",
  "legal.field.hostName": "Hébergeur",
  "legal.field.hostAddress": "Adresse de l'hébergeur",
  "legal.field.hostPhone": "Téléphone de l'hébergeur",
  "legal.field.mediatorName": "Médiateur de la consommation",
  "legal.field.mediatorUrl": "Site du médiateur (https)",
  "legal.field.deliveryTimes": "Délais de livraison (ex. 2 à 4 jours ouvrés en France)",
  "legal.field.returnCosts": "Frais de retour à la charge de",
  "legal.problem.too-long": "300 caractères au plus.",
  "legal.problem.company-id": "Ce n'est pas un SIREN (9 chiffres) ou un SIRET (14 chiffres) valide.",
  "legal.problem.vat": "Ce n'est pas un numéro de TVA européen valide.",
  "legal.problem.url": "Une adresse https://, sans identifiant ni mot de passe.",
  "legal.problem.email": "Ce n'est pas une adresse e-mail.",
  "legal.problem.return-costs": "Choisissez qui paie.",
};
