/** Site security (checklist-spec.md §3.2). */
import type { ShopSnapshot, SoftwareComponentFact } from "../../../adapters/checklist-snapshot";
import type { CheckSpec, Outcome } from "../types";
import { fail, guarantee, list, manualPending, notApplicable, pass, probedPages, reachedStorefront, shopDate, storefrontGap, text, unavailable, warning } from "./outcome";

const DOMAINS = { shopify: "settings/domains", woocommerce: "options-general.php" };
const OBSERVATORY = "https://developer.mozilla.org/en-US/observatory/docs/faq";
const HSTS_MIN_AGE = 15_768_000; // 6 months, the Observatory threshold

/** Latest major version of theme-store themes we track by hand (themeStoreId → major). */
const LATEST_THEME_MAJOR: Record<number, number> = { 887: 15 };
const TWO_FACTOR_PLUGINS = ["two-factor/", "wp-2fa/", "wordfence/", "miniorange-2-factor-authentication/", "google-authenticator/", "jetpack/"];
const RISKY_ADMIN_NAMES = /^(admin|administrator|administrateur|root|test)$/i;
const PHP_OLDEST_SUPPORTED = [8, 1];

const major = (version: string | null) => (version ? Number.parseInt(version, 10) : NaN);

const DAY_MS = 86_400_000;
/** WordPress checks for updates twice a day (WP-Cron); an older answer no longer tells what is latest. */
const UPDATE_CHECK_MAX_AGE_DAYS = 7;

/** Shopify: the platform updates itself (a guarantee); the theme is compared with the latest major Rassure knows, or said unknown. */
function managedPlatformUpdates(snapshot: ShopSnapshot): Outcome {
  const { theme } = snapshot.facts;
  const platform = guarantee("Shopify updates its platform for every shop; there is nothing to install.", "Shopify met sa plateforme à jour pour chaque boutique ; il n'y a rien à installer.");
  const latest = theme?.themeStoreId ? LATEST_THEME_MAJOR[theme.themeStoreId] : undefined;
  const installed = major(theme?.version ?? null);
  if (!theme || latest === undefined || !Number.isFinite(installed)) {
    const name = theme ? `${theme.name} ${theme.version ?? ""}`.trim() : null;
    return unavailable(
      name
        ? text(`Shopify keeps the platform up to date; whether your theme ${name} is on its latest version is not known: see Online Store › Themes.`, `Shopify tient la plateforme à jour ; on ne sait pas si votre thème ${name} est à sa dernière version : voyez Boutique en ligne › Thèmes.`)
        : text("Shopify keeps the platform up to date; your theme could not be read.", "Shopify tient la plateforme à jour ; votre thème n'a pas pu être lu."),
      [platform, ...(theme ? [{ source: "theme", value: `${theme.name} ${theme.version ?? "?"} (latest version unknown)` }] : [])],
    );
  }
  const evidence = [platform, { source: "theme", value: `${theme.name} ${theme.version}; latest major version: ${latest}` }];
  if (latest > installed) {
    return warning("high", text(`Theme ${theme.name} ${theme.version} is behind its latest major version (${latest}).`, `Le thème ${theme.name} ${theme.version} est en retard sur sa dernière version majeure (${latest}).`), evidence);
  }
  return pass("high", text(`Shopify keeps the platform up to date; theme ${theme.name} ${theme.version} is on its latest major version.`, `Shopify tient la plateforme à jour ; le thème ${theme.name} ${theme.version} est à sa dernière version majeure.`), evidence);
}

/** WordPress: versions against what WordPress itself knows is latest; what it does not know is said unknown, never "up to date". */
function selfHostedUpdates(snapshot: ShopSnapshot): Outcome {
  const { software } = snapshot.facts;
  const checkedAt = software.updatesCheckedAt;
  const stale = checkedAt !== null && snapshot.collectedAt !== "" && Date.parse(snapshot.collectedAt) - Date.parse(checkedAt) > UPDATE_CHECK_MAX_AGE_DAYS * DAY_MS;
  const latestOf = (c: SoftwareComponentFact) => (stale ? null : c.latestVersion);
  const evidence = [
    ...software.components.map((c) => ({ source: `${c.kind}: ${c.name}`, value: `${c.version ?? "?"} (latest ${c.kind === "php" ? "n/a" : (latestOf(c) ?? "unknown")})` })),
    { source: "WordPress update check", value: checkedAt ? `last run ${shopDate(snapshot, checkedAt)}${stale ? " (too old to trust)" : ""}` : "not available" },
  ];
  const php = software.components.find((c) => c.kind === "php");
  const [phpMajor, phpMinor] = (php?.version ?? "").split(".").map(Number);
  const phpEol = php?.version ? phpMajor < PHP_OLDEST_SUPPORTED[0] || (phpMajor === PHP_OLDEST_SUPPORTED[0] && phpMinor < PHP_OLDEST_SUPPORTED[1]) : false;
  const majorBehind = software.components.filter((c) => (c.kind === "core" || c.kind === "commerce") && latestOf(c) && major(latestOf(c)) > major(c.version));
  if (phpEol || majorBehind.length) {
    const names = [...majorBehind.map((c) => c.name), ...(phpEol ? [`PHP ${php?.version}`] : [])];
    return fail("high", text(`Major update or end-of-life: ${list(names)}.`, `Mise à jour majeure ou fin de vie : ${list(names)}.`), evidence);
  }
  const updatable = software.components.filter((c) => c.kind !== "php");
  const pending = updatable.filter((c) => latestOf(c) && c.version && latestOf(c) !== c.version);
  if (pending.length) return warning("high", text(`Updates pending: ${list(pending.map((c) => c.name))}.`, `Mises à jour en attente : ${list(pending.map((c) => c.name))}.`), evidence);
  if (!updatable.length) return unavailable(text("Versions could not be read.", "Les versions n'ont pas pu être lues."), evidence);
  const unknown = updatable.filter((c) => !latestOf(c));
  if (unknown.length) {
    return unavailable(
      text(
        `Not checked: WordPress did not tell Rassure the latest version of ${list(unknown.map((c) => c.name))}. Open Dashboard › Updates, or activate the Rassure plugin so Rassure can read WordPress's own update check.`,
        `Non vérifié : WordPress n'a pas indiqué à Rassure la dernière version de ${list(unknown.map((c) => c.name))}. Ouvrez Tableau de bord › Mises à jour, ou activez l'extension Rassure pour que Rassure lise la vérification de WordPress.`,
      ),
      evidence,
    );
  }
  return pass("high", text(`Everything is on its latest version (WordPress checked on ${shopDate(snapshot, checkedAt ?? snapshot.collectedAt)}).`, `Tout est à la dernière version (vérifié par WordPress le ${shopDate(snapshot, checkedAt ?? snapshot.collectedAt)}).`), evidence);
}

export const siteSecurityChecks: CheckSpec[] = [
  {
    id: "sec-https",
    category: "site-security",
    severity: "critical",
    jurisdictions: ["ALL"],
    platforms: ["shopify", "woocommerce"],
    title: text("The whole site is served over HTTPS with a valid certificate", "Tout le site est servi en HTTPS avec un certificat valide"),
    failureTitle: text("The site is not fully served over valid HTTPS", "Le site n'est pas entièrement servi en HTTPS valide"),
    why: text("Customer data travels in forms; HTTPS protects it and the padlock is the first trust signal.", "Les données clients transitent par des formulaires ; le HTTPS les protège et le cadenas est le premier signal de confiance."),
    legalBasis: ["GDPR art. 32", "PCI DSS req. 4"],
    fix: { adminPath: DOMAINS, docsUrl: "https://help.shopify.com/en/manual/domains/ssl-certificate", docsUrlOn: { woocommerce: "https://wordpress.org/documentation/article/https-for-wordpress/" } },
    evaluate: (context) => {
      const { facts } = context.snapshot;
      if (facts.storefrontHttps === false) return fail("high", text("The platform reports the storefront without SSL.", "La plateforme indique une vitrine sans SSL."), [{ source: "platform", value: "storefrontHttps: false" }]);
      const tls = reachedStorefront(context.snapshot)?.tls ?? context.snapshot.storefront?.tls;
      if (tls && !tls.authorized) {
        return fail("high", text(`The certificate is refused: ${tls.authorizationError}.`, `Le certificat est refusé : ${tls.authorizationError}.`), [{ source: "TLS", value: tls.authorizationError }]);
      }
      if (tls && tls.coversHost === false) return fail("high", text("The certificate does not cover the shop's host name.", "Le certificat ne couvre pas le nom de la boutique."));
      if (tls) {
        const until = tls.validTo ? shopDate(context.snapshot, tls.validTo) : null;
        const summary = until
          ? text(`Valid certificate until ${until}, ${tls.protocol}.`, `Certificat valide jusqu'au ${until}, ${tls.protocol}.`)
          : text(`Valid certificate, ${tls.protocol} (expiry date not given).`, `Certificat valide, ${tls.protocol} (date d'expiration non fournie).`);
        return pass("high", summary, [{ source: "TLS", value: `${tls.protocol}, valid to ${tls.validTo ?? "?"}` }]);
      }
      if (facts.storefrontHttps) return pass("high", text("The platform serves the storefront over HTTPS.", "La plateforme sert la vitrine en HTTPS."), [{ source: "platform", value: "storefrontHttps: true" }]);
      return storefrontGap(context);
    },
  },
  {
    id: "sec-http-redirect",
    category: "site-security",
    severity: "recommended",
    jurisdictions: ["ALL"],
    platforms: ["shopify", "woocommerce"],
    title: text("HTTP redirects to HTTPS", "HTTP redirige vers HTTPS"),
    failureTitle: text("HTTP does not redirect to HTTPS", "HTTP ne redirige pas vers HTTPS"),
    why: text("Visitors typing the address without https:// must land on the secure site.", "Un visiteur qui tape l'adresse sans https:// doit arriver sur le site sécurisé."),
    fix: { adminPath: DOMAINS, docsUrl: OBSERVATORY },
    evaluate: (context) => {
      const redirect = context.snapshot.storefront?.httpRedirect;
      if (!redirect || redirect.outcome === "error") return storefrontGap(context);
      const evidence = [{ source: "GET http://", value: `${redirect.status ?? "no answer"} → ${redirect.location ?? "-"}` }];
      if (redirect.outcome === "same-host-https") return pass("high", text("HTTP answers with a permanent redirect to HTTPS.", "HTTP répond par une redirection permanente vers HTTPS."), evidence);
      if (redirect.outcome === "other-host-first") return warning("high", text("HTTP redirects to another host before HTTPS.", "HTTP redirige vers un autre hôte avant HTTPS."), evidence);
      return fail("high", text("HTTP is served without redirecting to HTTPS.", "HTTP est servi sans redirection vers HTTPS."), evidence);
    },
  },
  {
    id: "sec-tls-expiry",
    category: "site-security",
    severity: "critical",
    jurisdictions: ["ALL"],
    platforms: ["shopify", "woocommerce"],
    informativeOn: ["shopify"],
    title: text("TLS certificate valid for weeks ahead, TLS 1.2 or newer", "Certificat TLS valide encore plusieurs semaines, TLS 1.2 ou plus"),
    failureTitle: text("TLS certificate expired, about to expire or weak protocol", "Certificat TLS expiré, proche de l'expiration ou protocole faible"),
    why: text("An expired certificate blocks every visitor with a browser warning.", "Un certificat expiré bloque chaque visiteur derrière un avertissement du navigateur."),
    fix: { adminPath: DOMAINS, docsUrl: "https://developer.mozilla.org/en-US/docs/Web/Security/Transport_Layer_Security" },
    evaluate: (context) => {
      const tls = context.snapshot.storefront?.tls;
      const reached = reachedStorefront(context.snapshot);
      if (!tls && reached && reached.origin.startsWith("http:")) {
        return fail("high", text("No certificate: the storefront answered over plain HTTP.", "Aucun certificat : la vitrine a répondu en HTTP simple."), [{ source: reached.origin, value: "plain HTTP, no TLS" }]);
      }
      if (!tls) return storefrontGap(context);
      const until = tls.validTo ? shopDate(context.snapshot, tls.validTo) : null;
      const evidence = [{ source: "TLS", value: `${tls.protocol ?? "?"}, valid to ${tls.validTo ?? "?"}, ${tls.authorizationError ?? "authorized"}` }];
      if (!tls.authorized || tls.daysLeft === null || until === null || tls.daysLeft < 7) {
        const problem = tls.authorizationError ?? (until === null ? "no expiry date" : `${tls.daysLeft} days left, until ${until}`);
        const probleme = tls.authorizationError ?? (until === null ? "aucune date d'expiration" : `${tls.daysLeft} jours restants, jusqu'au ${until}`);
        return fail("high", text(`Certificate problem: ${problem}.`, `Problème de certificat : ${probleme}.`), evidence);
      }
      if (tls.protocol !== "TLSv1.2" && tls.protocol !== "TLSv1.3") return fail("high", text(`Outdated protocol ${tls.protocol}.`, `Protocole obsolète ${tls.protocol}.`), evidence);
      if (tls.daysLeft < 21) return warning("high", text(`The certificate expires on ${until}, in ${tls.daysLeft} days.`, `Le certificat expire le ${until}, dans ${tls.daysLeft} jours.`), evidence);
      return pass("high", text(`Valid until ${until} (${tls.daysLeft} days), ${tls.protocol}.`, `Valide jusqu'au ${until} (${tls.daysLeft} jours), ${tls.protocol}.`), evidence);
    },
  },
  {
    id: "sec-hsts",
    category: "site-security",
    severity: "recommended",
    jurisdictions: ["ALL"],
    platforms: ["shopify", "woocommerce"],
    title: text("HSTS enforces HTTPS for at least 6 months", "HSTS impose le HTTPS pour au moins 6 mois"),
    failureTitle: text("No HSTS header", "Pas d'en-tête HSTS"),
    why: text("Strict-Transport-Security stops browsers from ever loading the shop over plain HTTP.", "Strict-Transport-Security empêche le navigateur de charger la boutique en HTTP simple."),
    fix: { adminPath: { woocommerce: "site-health.php" }, docsUrl: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Strict-Transport-Security" },
    evaluate: (context) => {
      const storefront = reachedStorefront(context.snapshot);
      if (!storefront) return storefrontGap(context);
      const header = storefront.headers["strict-transport-security"];
      if (!header) return fail("high", text("Strict-Transport-Security is missing.", "Strict-Transport-Security est absent."), [{ source: storefront.origin, value: "no Strict-Transport-Security header" }]);
      const maxAge = Number(/max-age\s*=\s*"?(\d+)/i.exec(header)?.[1] ?? 0);
      const evidence = [{ source: "strict-transport-security", value: header }];
      if (maxAge >= HSTS_MIN_AGE) return pass("high", text(`HSTS max-age ${maxAge} s.`, `HSTS max-age ${maxAge} s.`), evidence);
      return warning("high", text(`HSTS max-age is only ${maxAge} s (6 months expected).`, `HSTS max-age n'est que de ${maxAge} s (6 mois attendus).`), evidence);
    },
  },
  {
    id: "sec-mixed-content",
    category: "site-security",
    severity: "recommended",
    jurisdictions: ["ALL"],
    platforms: ["shopify", "woocommerce"],
    title: text("No insecure http:// resources on HTTPS pages", "Aucune ressource http:// non sécurisée sur les pages HTTPS"),
    failureTitle: text("HTTPS pages load insecure http:// resources", "Des pages HTTPS chargent des ressources http:// non sécurisées"),
    why: text("Browsers block insecure scripts and show a broken padlock for insecure images.", "Les navigateurs bloquent les scripts non sécurisés et affichent un cadenas barré pour les images."),
    fix: { adminPath: { shopify: "themes", woocommerce: "themes.php" }, docsUrl: "https://developer.mozilla.org/en-US/docs/Web/Security/Mixed_content" },
    evaluate: (context) => {
      const storefront = reachedStorefront(context.snapshot);
      if (!storefront) return storefrontGap(context);
      const pages = probedPages(storefront).filter((p) => p.finalUrl.startsWith("https:"));
      if (!pages.length) return storefrontGap(context, text("Not checked: no page was served over HTTPS.", "Non vérifié : aucune page n'a été servie en HTTPS."));
      const active = pages.flatMap((p) => p.activeMixedContent.map((url) => ({ source: p.url, value: url })));
      const passive = pages.flatMap((p) => p.passiveMixedContent.map((url) => ({ source: p.url, value: url })));
      if (active.length) return fail("high", text(`${active.length} insecure script/frame/stylesheet/form reference(s).`, `${active.length} script(s)/cadre(s)/feuille(s) de style/formulaire(s) non sécurisé(s).`), active.slice(0, 10));
      if (passive.length) return warning("high", text(`${passive.length} insecure image/media reference(s).`, `${passive.length} image(s)/média(s) non sécurisé(s).`), passive.slice(0, 10));
      return pass("high", text(`No mixed content on ${pages.length} HTTPS page(s).`, `Aucun contenu mixte sur ${pages.length} page(s) HTTPS.`), pages.map((p) => ({ source: p.finalUrl, value: "no http:// resource" })));
    },
  },
  {
    id: "sec-security-headers",
    category: "site-security",
    severity: "nice-to-have",
    severityOn: { woocommerce: "recommended" },
    informativeOn: ["shopify"],
    jurisdictions: ["ALL"],
    platforms: ["shopify", "woocommerce"],
    title: text("Security headers score B or better", "Les en-têtes de sécurité obtiennent B ou mieux"),
    failureTitle: text("Security headers are weak", "Les en-têtes de sécurité sont faibles"),
    why: text("Content-Security-Policy, frame protection and content-type headers blunt script injection and clickjacking.", "Content-Security-Policy, la protection contre l'encadrement et le type de contenu limitent l'injection de scripts et le détournement de clic."),
    fix: { adminPath: { woocommerce: "plugins.php" }, docsUrl: OBSERVATORY },
    evaluate: (context) => {
      const score = reachedStorefront(context.snapshot)?.headerScore;
      if (!score) return storefrontGap(context);
      const evidence = [{ source: "Observatory-style score", value: `${score.score} (${score.grade}); missing: ${list(score.missing) || "none"}` }];
      const letter = score.grade[0];
      const summary = text(`Grade ${score.grade} (${score.score}/100).`, `Note ${score.grade} (${score.score}/100).`);
      if (letter === "A" || letter === "B") return pass("high", summary, evidence);
      if (letter === "F") return fail("high", summary, evidence);
      return warning("high", summary, evidence);
    },
  },
  {
    id: "sec-cookie-flags",
    category: "site-security",
    severity: "nice-to-have",
    informativeOn: ["shopify"],
    jurisdictions: ["ALL"],
    platforms: ["shopify", "woocommerce"],
    title: text("Cookies use Secure, HttpOnly and SameSite", "Les cookies utilisent Secure, HttpOnly et SameSite"),
    failureTitle: text("Cookies are missing security flags", "Des cookies n'ont pas les attributs de sécurité"),
    why: text("A session cookie without Secure or HttpOnly can be stolen on the network or by a script.", "Un cookie de session sans Secure ou HttpOnly peut être volé sur le réseau ou par un script."),
    fix: { adminPath: { woocommerce: "plugins.php" }, docsUrl: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Cookies" },
    evaluate: (context) => {
      const storefront = reachedStorefront(context.snapshot);
      if (!storefront) return storefrontGap(context);
      const cookies = storefront.cookies;
      if (!cookies.length) {
        return notApplicable(text(`No cookie was set on the ${storefront.pages.length} page(s) visited: nothing to check.`, `Aucun cookie n'a été déposé sur les ${storefront.pages.length} page(s) visitée(s) : rien à vérifier.`), [
          { source: storefront.origin, value: `${storefront.pages.length} page(s), 0 cookie` },
        ]);
      }
      const insecure = cookies.filter((c) => !c.secure).map((c) => c.name);
      const session = cookies.filter((c) => /sess|cart|token|auth|login/i.test(c.name));
      const scriptable = session.filter((c) => !c.httpOnly).map((c) => c.name);
      const noSameSite = cookies.filter((c) => !c.sameSite || !/^(strict|lax|none)$/i.test(c.sameSite)).map((c) => c.name);
      const evidence = cookies.map((c) => ({ source: `Set-Cookie (${c.page})`, value: `${c.name}: ${[c.secure && "Secure", c.httpOnly && "HttpOnly", c.sameSite && `SameSite=${c.sameSite}`].filter(Boolean).join("; ") || "no flags"}` }));
      if (insecure.length) return fail("high", text(`Without Secure: ${list(insecure)}.`, `Sans Secure : ${list(insecure)}.`), evidence);
      if (scriptable.length || noSameSite.length) {
        const names = [...new Set([...scriptable, ...noSameSite])];
        return warning("high", text(`Missing HttpOnly or SameSite: ${list(names)}.`, `HttpOnly ou SameSite manquant : ${list(names)}.`), evidence);
      }
      return pass("high", text(`${cookies.length} cookie(s) checked.`, `${cookies.length} cookie(s) vérifié(s).`), evidence);
    },
  },
  {
    id: "sec-admin-2fa",
    category: "site-security",
    severity: "critical",
    jurisdictions: ["ALL"],
    platforms: ["shopify", "woocommerce"],
    title: text("Two-factor authentication on every staff account", "Double authentification sur chaque compte d'administration"),
    failureTitle: text("Two-factor authentication not confirmed for staff", "Double authentification non confirmée pour l'équipe"),
    why: text("Account takeover is the main way shops get compromised: skimmers, changed payouts.", "Le vol de compte est la première cause de compromission : skimmers, virements détournés."),
    legalBasis: ["GDPR art. 32"],
    fix: { adminPath: { shopify: "settings/account", woocommerce: "users.php" }, docsUrl: "https://help.shopify.com/en/manual/your-account/account-security/two-step-authentication", docsUrlOn: { woocommerce: "https://wordpress.org/plugins/two-factor/" } },
    attestation: {
      prompt: text("Every person with admin access uses two-step authentication.", "Chaque personne ayant accès à l'administration utilise la double authentification."),
      evidence: ["text", "url"],
      expiresAfterDays: 365,
    },
    evaluate: ({ snapshot }) => {
      const plugins = snapshot.facts.activePlugins;
      if (!plugins) return manualPending(text("No platform API shows staff 2FA: confirm it.", "Aucune API ne montre la double authentification de l'équipe : confirmez-la."));
      const found = plugins.filter((p) => TWO_FACTOR_PLUGINS.some((prefix) => p.startsWith(prefix)));
      if (found.length) return warning("medium", text(`2FA plugin found (${list(found)}): confirm it is enforced for administrators.`, `Extension 2FA trouvée (${list(found)}) : confirmez qu'elle est imposée aux administrateurs.`), found.map((p) => ({ source: "active plugin", value: p })));
      return warning("medium", text("No two-factor plugin found: enable one or confirm another protection.", "Aucune extension de double authentification : activez-en une ou confirmez une autre protection."));
    },
  },
  {
    id: "sec-accounts-hygiene",
    category: "site-security",
    severity: "recommended",
    jurisdictions: ["ALL"],
    platforms: ["shopify", "woocommerce"],
    title: text("Few administrators, personal logins, no default usernames", "Peu d'administrateurs, des accès nominatifs, aucun identifiant par défaut"),
    failureTitle: text("Administrator accounts need a review", "Les comptes administrateurs sont à revoir"),
    why: text("Shared or generic logins cannot be revoked when someone leaves and are the first ones attackers try.", "Un accès partagé ou générique ne peut être retiré au départ d'une personne et c'est le premier essayé par un attaquant."),
    fix: { adminPath: { shopify: "settings/account", woocommerce: "users.php" }, docsUrl: "https://help.shopify.com/en/manual/your-account/staff-accounts", docsUrlOn: { woocommerce: "https://wordpress.org/documentation/article/roles-and-capabilities/" } },
    attestation: {
      prompt: text("Every person has their own login, passwords come from a password manager, former staff are removed.", "Chaque personne a son propre accès, les mots de passe viennent d'un gestionnaire, les anciens membres sont supprimés."),
      evidence: ["text"],
      expiresAfterDays: 365,
    },
    evaluate: ({ snapshot }) => {
      const admins = snapshot.facts.administrators;
      if (!admins) return manualPending(text("Staff accounts cannot be read through the API: review them and confirm.", "Les comptes de l'équipe ne sont pas lisibles par l'API : vérifiez-les et confirmez."));
      const risky = admins.usernames.filter((u) => RISKY_ADMIN_NAMES.test(u));
      const evidence = [{ source: "administrators", value: `${admins.count}: ${list(admins.usernames)}` }];
      if (risky.length || admins.count > 3) {
        return warning("high", text(`${admins.count} administrator(s)${risky.length ? `, default name(s): ${list(risky)}` : ""}.`, `${admins.count} administrateur(s)${risky.length ? `, identifiant(s) par défaut : ${list(risky)}` : ""}.`), evidence);
      }
      return pass("high", text(`${admins.count} named administrator(s).`, `${admins.count} administrateur(s) nominatif(s).`), evidence);
    },
  },
  {
    id: "sec-software-updates",
    category: "site-security",
    severity: "critical",
    jurisdictions: ["ALL"],
    platforms: ["shopify", "woocommerce"],
    title: text("Platform, extensions and theme are up to date", "Plateforme, extensions et thème sont à jour"),
    failureTitle: text("Outdated software", "Des logiciels ne sont pas à jour"),
    why: text("Most shop break-ins exploit known holes that an update already fixed.", "La plupart des intrusions exploitent des failles connues qu'une mise à jour a déjà corrigées."),
    fix: {
      adminPath: { shopify: "themes", woocommerce: "update-core.php" },
      docsUrl: "https://wordpress.org/documentation/article/updating-wordpress/",
      docsUrlOn: { shopify: "https://help.shopify.com/en/manual/online-store/themes/managing-themes/updating-themes" },
    },
    evaluate: ({ snapshot }) => (snapshot.facts.software.platformManaged ? managedPlatformUpdates(snapshot) : selfHostedUpdates(snapshot)),
  },
  {
    id: "sec-debug-off",
    category: "site-security",
    severity: "recommended",
    jurisdictions: ["ALL"],
    platforms: ["shopify", "woocommerce"],
    informativeOn: ["shopify"],
    title: text("Error details are hidden from visitors", "Les détails d'erreur sont masqués aux visiteurs"),
    failureTitle: text("Error details are shown to visitors", "Les détails d'erreur sont affichés aux visiteurs"),
    why: text("Displayed PHP errors leak paths and versions that help attackers.", "Les erreurs PHP affichées révèlent chemins et versions utiles aux attaquants."),
    whyOn: {
      shopify: text(
        "Error pages that show technical details help attackers; Shopify serves its own error pages, so there is nothing for you to set.",
        "Des pages d'erreur détaillées aident les attaquants ; Shopify sert ses propres pages d'erreur, vous n'avez rien à régler.",
      ),
    },
    fix: {
      adminPath: { woocommerce: "site-health.php" },
      docsUrl: "https://developer.wordpress.org/advanced-administration/debug/debug-wordpress/",
      docsUrlOn: { shopify: "https://www.shopify.com/security" },
    },
    evaluate: ({ snapshot }) => {
      const { software } = snapshot.facts;
      if (software.platformManaged) {
        return pass("high", text("Shopify serves the storefront and its error pages: no debug output can be turned on.", "Shopify sert la vitrine et ses pages d'erreur : aucun affichage de débogage ne peut être activé."), [
          guarantee("Storefront hosted by Shopify: the merchant has no server, error-display or debug setting to change.", "Vitrine hébergée par Shopify : le marchand n'a aucun réglage de serveur, d'affichage d'erreurs ou de débogage à modifier."),
        ]);
      }
      if (software.errorsHidden === false) return fail("high", text("PHP errors are displayed on the site.", "Les erreurs PHP sont affichées sur le site."), [{ source: "system_status.security.hide_errors", value: false }]);
      if (software.debugMode) return warning("high", text("Debug mode is on (fine only if it logs to a file).", "Le mode débogage est actif (acceptable seulement s'il écrit dans un fichier)."), [{ source: "wp_debug_mode", value: true }]);
      if (software.errorsHidden === null || software.debugMode === null) return unavailable(text("The debug settings could not be read.", "Les réglages de débogage n'ont pas pu être lus."));
      return pass("high", text("Errors are hidden and debug mode is off.", "Les erreurs sont masquées et le débogage est désactivé."), [
        { source: "system_status.security.hide_errors", value: true },
        { source: "wp_debug_mode", value: false },
      ]);
    },
  },
  {
    id: "sec-security-txt",
    category: "site-security",
    severity: "nice-to-have",
    jurisdictions: ["ALL"],
    platforms: ["shopify", "woocommerce"],
    title: text("security.txt tells researchers how to reach you", "security.txt indique comment vous signaler une faille"),
    failureTitle: text("No /.well-known/security.txt", "Pas de /.well-known/security.txt"),
    why: text("A published security contact means vulnerabilities reach you instead of being sold.", "Un contact sécurité publié fait que les failles vous sont signalées plutôt que revendues."),
    fix: { adminPath: {}, docsUrl: "https://www.rfc-editor.org/rfc/rfc9116" },
    evaluate: (context) => {
      const storefront = reachedStorefront(context.snapshot);
      if (!storefront?.securityTxt) return storefrontGap(context);
      const { present, hasContact, hasExpires } = storefront.securityTxt;
      if (present && hasContact && hasExpires) return pass("high", text("security.txt with Contact and Expires.", "security.txt avec Contact et Expires."), [{ source: `${storefront.origin}/.well-known/security.txt`, value: "Contact, Expires" }]);
      if (present) return warning("high", text("security.txt lacks Contact or Expires.", "security.txt sans Contact ou Expires."));
      return warning("high", text("No security.txt published.", "Aucun security.txt publié."));
    },
  },
];
