/**
 * Legal texts: drafts of the legal pages the shop lacks, filled from its facts and the
 * merchant's company details, reviewed and published as Shopify policies (shopPolicyUpdate).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import { Page } from "@shopify/polaris";
import { ShopifyAdapter } from "../../adapters/shopify";
import { scanShopInBackground } from "../checklist/background.server";
import { useActionToast } from "../feedback/useActionToast";
import { negotiateLocale, useI18n } from "../i18n";
import { LegalWorkspace } from "../legal/components/LegalWorkspace";
import { readBoundedForm } from "../http/bounded-body.server";
import { isLegalTextKind, LEGAL_FORM_MAX_BYTES, legalWorkspaceAction, loadLegalWorkspace } from "../legal/workspace.server";
import { findShop } from "../shops.server";
import { authenticate } from "../shopify.server";

async function shopContext(request: Request) {
  const { admin, session } = await authenticate.admin(request);
  const shop = await findShop("shopify", session.shop);
  if (!shop) throw new Response("This shop is not installed.", { status: 404 });
  return { adapter: new ShopifyAdapter(admin.graphql), shop, ref: { platform: "shopify" as const, shopDomain: session.shop } };
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { adapter, shop, ref } = await shopContext(request);
  const url = new URL(request.url);
  const kind = url.searchParams.get("kind");
  // "lang", not "locale": the Shopify admin already passes its own language as `locale`.
  const locale = url.searchParams.get("lang");
  const mode = url.searchParams.get("mode");
  return loadLegalWorkspace(ref, adapter, {
    kind: isLegalTextKind(kind) ? kind : null,
    locale: locale === "fr" || locale === "en" ? locale : null,
    adminLocale: negotiateLocale({ chosen: shop.locale, acceptLanguage: request.headers.get("accept-language") }),
    mode: mode === "full" || mode === "missing" ? mode : null,
  });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { adapter, ref } = await shopContext(request);
  const form = await readBoundedForm(request, LEGAL_FORM_MAX_BYTES);
  return legalWorkspaceAction(ref, adapter, form, () => scanShopInBackground(ref, "manual"));
};

export default function LegalTexts() {
  const data = useLoaderData<typeof loader>();
  const fetcher = useFetcher<typeof action>();
  const { t } = useI18n();
  const result = fetcher.data;

  useActionToast(result, (answer) =>
    answer.ok ? { message: t(`legal.toast.${answer.intent === "identity" ? "identity" : answer.intent === "restore" ? "restored" : answer.intent === "publish" ? "published" : "draft"}`) } : null,
  );

  const hrefFor = (query: Record<string, string>) => `/app/legal?${new URLSearchParams(query)}`;
  return (
    <Page title={t("legal.title")} subtitle={t("legal.subtitle")} fullWidth>
      <TitleBar title={t("legal.title")} />
      <LegalWorkspace data={data} result={result} busy={fetcher.state !== "idle"} submit={(fields) => fetcher.submit(fields, { method: "post" })} hrefFor={hrefFor} />
    </Page>
  );
}
