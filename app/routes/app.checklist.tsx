/**
 * Admin → Trust checklist (Shopify): the shop from Shopify's session, then the shared page
 * (app/checklist/page.server.ts, components/ChecklistWorkspace.tsx).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import { Page } from "@shopify/polaris";
import { ChecklistWorkspace } from "../checklist/components/ChecklistWorkspace";
import { checklistPageAction, loadChecklistPage } from "../checklist/page.server";
import { readBoundedForm } from "../http/bounded-body.server";
import { useI18n } from "../i18n";
import { authenticate } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return loadChecklistPage({ platform: "shopify", shopDomain: session.shop });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return checklistPageAction({ platform: "shopify", shopDomain: session.shop }, await readBoundedForm(request));
};

export default function ChecklistPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <Page>
      <TitleBar title={t("checklist.title")} />
      <ChecklistWorkspace data={data} actionData={actionData} />
    </Page>
  );
}
