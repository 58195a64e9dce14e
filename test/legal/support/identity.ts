/** The demo shop's company details, complete: what a merchant fills in once. */
import { EMPTY_IDENTITY, type LegalIdentityFields } from "../../../app/legal/identity";

export const ATELIER_LUMIERE: LegalIdentityFields = {
  ...EMPTY_IDENTITY,
  legalName: "Atelier Lumière",
  legalForm: "SAS",
  shareCapital: "5 000",
  siren: "812 345 676",
  rcsCity: "Lyon",
  vatNumber: "FR 19 812345676",
  address: "12 rue des Capucins, 69001 Lyon, France",
  email: "contact@atelier-lumiere.fr",
  phone: "+33 4 78 00 00 00",
  publicationDirector: "Camille Durand",
  hostName: "Shopify Inc.",
  hostAddress: "151 O'Connor Street, Ground floor, Ottawa, Ontario, K2P 2L8, Canada",
  mediatorName: "Médiateur de la consommation CM2C",
  mediatorUrl: "https://www.cm2c.net",
  deliveryTimes: "2 à 4 jours ouvrés en France métropolitaine",
  returnCosts: "customer",
};
