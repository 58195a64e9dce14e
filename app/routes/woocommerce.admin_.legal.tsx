/**
 * /woocommerce/admin/legal — the legal drafts inside wp-admin: the same page as the Shopify
 * admin's (app/legal/components/LegalWorkspace), the texts saved as draft pages and published
 * through the companion plugin. Opened from /woocommerce/admin with the app's session token;
 * framed only by the shop's wp-admin.
 */
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { scanShopInBackground } from "../checklist/background.server";
import { translator, useI18n } from "../i18n";
import { LegalWorkspace } from "../legal/components/LegalWorkspace";
import { isLegalTextKind, LEGAL_FORM_MAX_BYTES, legalWorkspaceAction, loadLegalWorkspace, type LegalActionResult } from "../legal/workspace.server";
import { loadWooAdminPage, wooAdminAction } from "../woocommerce/admin-page.server";
import { keepDataWhenOnlyTokenDropped, wooAdminUrl } from "../woocommerce/admin-url";
import { adapterFromCredentials, WOO_PAGE_READ } from "../woocommerce/credentials.server";
import { AdminExpired } from "../woocommerce/AdminExpired";
import { StandalonePage } from "../woocommerce/StandalonePage";
import { backToOverview, wooAdminMeta, WooAdminPage } from "../woocommerce/WooAdminPage";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export const loader = ({ request }: LoaderFunctionArgs) =>
  loadWooAdminPage(request, ({ access, locale, url }) => {
    const kind = url.searchParams.get("kind");
    const lang = url.searchParams.get("lang");
    const mode = url.searchParams.get("mode");
    return loadLegalWorkspace({ platform: "woocommerce", shopDomain: access.shop.domain }, adapterFromCredentials(access.credentials, WOO_PAGE_READ), {
      kind: isLegalTextKind(kind) ? kind : null,
      locale: lang === "fr" || lang === "en" ? lang : null,
      adminLocale: locale,
      mode: mode === "full" || mode === "missing" ? mode : null,
    });
  });

export const action = ({ request }: ActionFunctionArgs) =>
  wooAdminAction(
    request,
    (access, form) => {
      const shop = { platform: "woocommerce" as const, shopDomain: access.shop.domain };
      return legalWorkspaceAction(shop, adapterFromCredentials(access.credentials, { maxRetries: 2 }), form, () => scanShopInBackground(shop, "manual"));
    },
    LEGAL_FORM_MAX_BYTES,
  );

export const shouldRevalidate = keepDataWhenOnlyTokenDropped;

export const meta = wooAdminMeta("legal.title");

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function WooCommerceLegal() {
  const data = useLoaderData<typeof loader>();
  return (
    <WooAdminPage data={data} title={translator(data.locale)("legal.title")}>
      {(authorised) => <Legal data={authorised} />}
    </WooAdminPage>
  );
}

type Authorised = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { authorised: true }>;

function Legal({ data }: { data: Authorised }) {
  const { t } = useI18n();
  const fetcher = useFetcher<typeof action>();
  const answer = fetcher.data;
  const expired = Boolean(answer && "expired" in answer);
  const result = answer && !("expired" in answer) ? (answer as LegalActionResult) : undefined;
  const base = wooAdminUrl("/woocommerce/admin/legal", data.store, data.locale);
  const hrefFor = (query: Record<string, string>) => `${base}&${new URLSearchParams(query)}`;
  return (
    <StandalonePage
      locale={data.locale}
      title={t("legal.title")}
      subtitle={t("legal.subtitle")}
      wide
      backAction={backToOverview(data)}
    >
      {expired ? <AdminExpired locale={data.locale} title={t("legal.title")} /> : null}
      <LegalWorkspace
        data={data}
        result={result}
        busy={fetcher.state !== "idle"}
        submit={(fields) => fetcher.submit(fields, { method: "post" })}
        hrefFor={hrefFor}
      />
    </StandalonePage>
  );
}
