import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError, type ShouldRevalidateFunction } from "@remix-run/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import polarisEnglish from "@shopify/polaris/locales/en.json";
import polarisFrench from "@shopify/polaris/locales/fr.json";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { findShop } from "../shops.server";
import { appEnvironment } from "../env.server";
import { HelpFooter } from "../help/HelpFooter";
import { I18nProvider, negotiateLocale, translator } from "../i18n";
import { authenticate } from "../shopify.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const shop = await findShop("shopify", session.shop);
  const env = appEnvironment();
  const locale = negotiateLocale({
    chosen: shop?.locale,
    adminLocale: new URL(request.url).searchParams.get("locale"),
    acceptLanguage: request.headers.get("accept-language"),
  });
  return { apiKey: env.shopifyApiKey, appBridgeUrl: env.appBridgeUrl, locale, help: env.help };
};

/**
 * The admin passes its language (`locale`) only when it first loads the app; navigating
 * inside the app drops it from the URL. Keep what the first load decided, and decide again
 * only after a submission in Settings (the merchant may just have chosen a language there):
 * after any other form the admin's language is no longer in the URL, and the app would fall
 * back to the browser's.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, formAction, defaultShouldRevalidate }) =>
  formMethod && formAction?.startsWith("/app/settings") ? defaultShouldRevalidate : false;

export default function App() {
  const { apiKey, appBridgeUrl, locale, help } = useLoaderData<typeof loader>();
  const t = translator(locale);
  return (
    <AppProvider isEmbeddedApp apiKey={apiKey} i18n={locale === "fr" ? polarisFrench : polarisEnglish} {...(appBridgeUrl ? { __APP_BRIDGE_URL: appBridgeUrl } : {})}>
      <I18nProvider locale={locale}>
        <NavMenu>
          <Link to="/app" rel="home">
            {t("nav.home")}
          </Link>
          <Link to="/app/checklist">{t("nav.checklist")}</Link>
          <Link to="/app/blocks">{t("nav.blocks")}</Link>
          <Link to="/app/tracking">{t("nav.tracking")}</Link>
          <Link to="/app/legal">{t("nav.legal")}</Link>
          <Link to="/app/settings">{t("nav.settings")}</Link>
        </NavMenu>
        <Outlet />
        <HelpFooter help={help} />
      </I18nProvider>
    </AppProvider>
  );
}

// Shopify needs Remix to catch some thrown responses, so that their headers are included in the response.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
