import type { MessageKey } from "./en";
import { alertsFr } from "./features/alerts.fr";
import { blocksFr } from "./features/blocks.fr";
import { checklistFr } from "./features/checklist.fr";
import { companyFr } from "./features/company.fr";
import { jobsFr } from "./features/jobs.fr";
import { legalFr } from "./features/legal.fr";
import { merchantUxFr } from "./features/merchant-ux.fr";
import { storedReadsFr } from "./features/stored-reads.fr";
import { trackingFr } from "./features/tracking.fr";
import { woocommerceFr } from "./features/woocommerce.fr";

/** Textes de l'administration en français : le socle ici, chaque fonctionnalité dans features/. */
const coreFr = {
  "nav.home": "Accueil",
  "nav.checklist": "Checklist de confiance",
  "nav.blocks": "Blocs boutique",
  "nav.tracking": "Suivi des commandes",
  "nav.legal": "Textes juridiques",
  "nav.settings": "Réglages",

  "home.title": "Rassure",
  "errorPage.notFound": "Cette page n'existe pas.",
  "errorPage.failed": "Une erreur est survenue de notre côté. Réessayez dans un instant.",
  "home.connected": "Rassure est connecté à {shop}.",
  "home.apiError": "Shopify n'a pas répondu à notre requête : {message}. Rechargez la page pour réessayer.",
  "home.shop.heading": "Votre boutique",
  "home.shop.name": "Nom",
  "home.shop.domain": "Domaine Shopify",
  "home.shop.storefront": "Boutique en ligne",
  "home.shop.https": "HTTPS",
  "home.shop.noHttps": "Pas de HTTPS",
  "home.shop.country": "Pays",
  "home.shop.rules": "Règles appliquées",
  "home.shop.currency": "Devise",
  "home.shop.plan": "Forfait Shopify",
  "home.shop.installed": "Rassure installé le",
  "home.policies.heading": "Pages légales que Shopify détient pour votre boutique",
  "home.policies.intro": "Lues depuis votre boutique. La checklist de confiance explique chaque manque et comment le corriger.",
  "home.policies.published": "Publiée",
  "home.policies.empty": "Vide",
  "home.policies.missing": "Manquante",
  "home.policies.summary": "{published} sur {total} publiées",
  "home.policies.edit": "Modifier les politiques dans Shopify",
  "home.live.heading": "Sur votre boutique et vos commandes",
  "home.live.barOn": "Bandeau de confiance actif",
  "home.live.barOff": "Bandeau de confiance inactif",
  "home.live.theme": "Thème publié : {theme}",
  "home.live.blocks": "Blocs Rassure sur la page produit : {count}",
  "home.live.noTheme": "Aucun thème publié trouvé.",
  "home.live.themeError": "Shopify ne nous a pas renseigné sur votre thème : {message}",
  "home.live.published": "Blocs publiés pour la dernière fois le {date}.",
  "home.live.notPublished": "Vos blocs ne sont pas encore publiés.",
  "home.live.editBlocks": "Modifier les blocs boutique",
  "home.live.trackingFixes": "Liens de suivi corrigés par Rassure ces 30 derniers jours : {count}",
  "home.live.openTracking": "Ouvrir le suivi des commandes",

  "policy.CONTACT_INFORMATION": "Coordonnées",
  "policy.LEGAL_NOTICE": "Mentions légales",
  "policy.PRIVACY_POLICY": "Politique de confidentialité",
  "policy.REFUND_POLICY": "Politique de remboursement et de rétractation",
  "policy.SHIPPING_POLICY": "Politique d'expédition",
  "policy.SUBSCRIPTION_POLICY": "Politique d'abonnement",
  "policy.TERMS_OF_SALE": "Conditions générales de vente",
  "policy.TERMS_OF_SERVICE": "Conditions d'utilisation",

  "jurisdiction.FR": "Droit de la consommation français et européen",
  "jurisdiction.EU": "Droit de la consommation européen",
  "jurisdiction.OTHER": "Règles générales",

  "checklist.title": "Checklist de confiance",
  "blocks.title": "Blocs boutique",
  "tracking.title": "Suivi des commandes",

  "settings.title": "Réglages",
  "settings.rules.heading": "Règles du droit de la consommation",
  "settings.rules.help": "Rassure applique les règles du pays où votre entreprise est établie. Ne changez ce choix que si l'adresse enregistrée dans Shopify n'est pas celle de votre entreprise.",
  "settings.rules.label": "Règles à appliquer",
  "settings.rules.auto": "Automatique : {rules} (d'après le pays de votre boutique, {country})",
  "settings.language.heading": "Langue",
  "settings.language.label": "Langue de Rassure",
  "settings.language.auto": "Celle de l'administration Shopify",
  "settings.connection.heading": "Connexion",
  "settings.connection.platform": "Plateforme",
  "settings.connection.scopes": "Autorisations accordées",
  "settings.connection.since": "Connecté depuis le",
  "settings.save": "Enregistrer",
  "settings.saved": "Réglages enregistrés",
  "settings.invalid": "Ce choix n'est pas disponible.",
  "login.title": "Se connecter à Rassure",
  "login.shopLabel": "Domaine de la boutique",
  "login.submit": "Se connecter",
  "login.missingShop": "Saisissez le domaine de votre boutique pour vous connecter.",
  "login.invalidShop": "Saisissez un domaine de boutique valide pour vous connecter.",
  "landing.pitch": "Rassure rend votre boutique en ligne digne de confiance et conforme : une checklist de confiance, des blocs de réassurance honnêtes pour vos clients et un lien de suivi qui fonctionne sur chaque commande.",
  "landing.open": "Ouvrez Rassure depuis votre administration Shopify (Applications › Rassure) ou depuis la page Rassure de votre administration WordPress.",
  "landing.login": "Se connecter avec le domaine de votre boutique Shopify",
  "common.unknown": "Inconnu",
} satisfies Partial<Record<MessageKey, string>>;

export const fr: Record<MessageKey, string> = { ...coreFr, ...checklistFr, ...blocksFr, ...trackingFr, ...woocommerceFr, ...jobsFr, ...companyFr, ...legalFr, ...alertsFr, ...merchantUxFr, ...storedReadsFr };
