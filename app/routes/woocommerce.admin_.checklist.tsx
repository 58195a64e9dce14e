/**
 * /woocommerce/admin/checklist — the whole trust checklist inside wp-admin: the same page as the
 * Shopify admin's (app/checklist/components/ChecklistWorkspace, app/checklist/page.server.ts)
 * for the connected WooCommerce shop, its fix links opening the store's own wp-admin screens.
 * Opened from /woocommerce/admin with the app's session; framed only by the shop's wp-admin.
 */
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack } from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { ChecklistWorkspace } from "../checklist/components/ChecklistWorkspace";
import { checklistPageAction, loadChecklistPage } from "../checklist/page.server";
import { translator } from "../i18n";
import { loadWooAdminPage, wooAdminAction } from "../woocommerce/admin-page.server";
import { keepDataWhenOnlyTokenDropped } from "../woocommerce/admin-url";
import { wooAdminMeta, WooAdminSubpage } from "../woocommerce/WooAdminPage";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

const shopOf = (domain: string) => ({ platform: "woocommerce" as const, shopDomain: domain });

export const loader = ({ request }: LoaderFunctionArgs) => loadWooAdminPage(request, ({ access }) => loadChecklistPage(shopOf(access.shop.domain)));

export const action = ({ request }: ActionFunctionArgs) => wooAdminAction(request, (access, form) => checklistPageAction(shopOf(access.shop.domain), form));

export const shouldRevalidate = keepDataWhenOnlyTokenDropped;

export const meta = wooAdminMeta("checklist.title");

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function WooCommerceChecklist() {
  const data = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = translator(data.locale);
  return (
    <WooAdminSubpage data={data} title={t("checklist.title")}>
      {(page) => (
        <BlockStack gap="400">
          {answer && "expired" in answer ? (
            <Banner tone="critical">
              <p>{t("woocommerce.checklist.expired")}</p>
            </Banner>
          ) : null}
          <ChecklistWorkspace data={page} actionData={answer && !("expired" in answer) ? answer : undefined} />
        </BlockStack>
      )}
    </WooAdminSubpage>
  );
}
