/**
 * /woocommerce/admin/settings — the alert e-mails inside wp-admin: the same section and actions as
 * the Shopify Settings page (app/alerts/AlertsSettingsSection, settings-section.server.ts) for
 * the connected WooCommerce shop, its e-mail and time zone read from the store's settings.
 * Opened from /woocommerce/admin with the app's session; framed only by the shop's wp-admin.
 */
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { AlertsSettingsSection } from "../alerts/AlertsSettingsSection";
import { alertsSectionAction, isAlertsIntent, loadAlertsSection } from "../alerts/settings-section.server";
import { translator } from "../i18n";
import { loadWooAdminPage, wooAdminAction, type WooAdminPageContext } from "../woocommerce/admin-page.server";
import { keepDataWhenOnlyTokenDropped } from "../woocommerce/admin-url";
import { adapterFromCredentials, WOO_PAGE_READ } from "../woocommerce/credentials.server";
import { wooAdminMeta, WooAdminSubpage } from "../woocommerce/WooAdminPage";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

const shopOf = (access: WooAdminPageContext["access"]) => ({ platform: "woocommerce" as const, shopDomain: access.shop.domain });
/** The shop's e-mail and time zone, read from WooCommerce with the shop's own keys. */
const profileReader = (access: WooAdminPageContext["access"]) => () => adapterFromCredentials(access.credentials, WOO_PAGE_READ).getShopProfile();

export const loader = ({ request }: LoaderFunctionArgs) => loadWooAdminPage(request, async ({ access }) => ({ alerts: await loadAlertsSection(shopOf(access), profileReader(access)) }));

export const action = ({ request }: ActionFunctionArgs) =>
  wooAdminAction(request, async (access, form) => {
    if (!isAlertsIntent(form)) throw new Response("Unknown action", { status: 400 });
    return alertsSectionAction(shopOf(access), form, profileReader(access));
  });

export const shouldRevalidate = keepDataWhenOnlyTokenDropped;

export const meta = wooAdminMeta("settings.title");

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function WooCommerceSettings() {
  const data = useLoaderData<typeof loader>();
  const t = translator(data.locale);
  return (
    <WooAdminSubpage data={data} title={t("settings.title")}>
      {(page) => <AlertsSettingsSection data={page.alerts} refusedText={t("woocommerce.settings.expired")} />}
    </WooAdminSubpage>
  );
}
