/**
 * /woocommerce/admin/blocks — the reassurance blocks editor inside wp-admin: the same editor
 * and live preview as the Shopify admin (app/storefront/components/BlocksWorkspace), the same
 * stored configuration, published to the companion plugin through the WooCommerce adapter.
 * Opened from /woocommerce/admin with the app's session token; framed only by the shop's wp-admin.
 */
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { Badge, Banner, BlockStack, InlineStack, Text } from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { translator, useI18n } from "../i18n";
import { BlocksWorkspace, useBlocksEditor } from "../storefront/components/BlocksWorkspace";
import { BLOCKS_FORM_MAX_BYTES, blocksEditorAction, loadBlocksEditor } from "../storefront/editor.server";
import type { ExtensionSources } from "../storefront/liquid-preview";
import type { SaveResult } from "../storefront/storefront.server";
import { loadWooAdminPage, wooAdminAction } from "../woocommerce/admin-page.server";
import { keepDataWhenOnlyTokenDropped } from "../woocommerce/admin-url";
import { adapterFromCredentials, WOO_PAGE_READ } from "../woocommerce/credentials.server";
import { StandalonePage } from "../woocommerce/StandalonePage";
import { backToOverview, wooAdminMeta, WooAdminPage } from "../woocommerce/WooAdminPage";
import { UnsavedChanges } from "../unsaved-changes/UnsavedChanges";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export const loader = ({ request }: LoaderFunctionArgs) =>
  loadWooAdminPage(request, ({ access }) => loadBlocksEditor(access.shop, adapterFromCredentials(access.credentials, WOO_PAGE_READ), "platform"));

export const action = ({ request }: ActionFunctionArgs) =>
  wooAdminAction(request, (access, form) => blocksEditorAction(access.shop.id, adapterFromCredentials(access.credentials, { maxRetries: 2 }), form), BLOCKS_FORM_MAX_BYTES);

export const shouldRevalidate = keepDataWhenOnlyTokenDropped;

export const meta = wooAdminMeta("woocommerce.admin.blocks");

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function WooCommerceBlocks() {
  const data = useLoaderData<typeof loader>();
  return (
    <WooAdminPage data={data} title={translator(data.locale)("woocommerce.admin.blocks")}>
      {(authorised) => <Editor data={authorised} />}
    </WooAdminPage>
  );
}

type Authorised = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { authorised: true }>;

function Editor({ data }: { data: Authorised }) {
  const { t } = useI18n();
  const fetcher = useFetcher<typeof action>();
  const answer = fetcher.data;
  const expired = Boolean(answer && "expired" in answer);
  const result = answer && !("expired" in answer) ? (answer as SaveResult) : undefined;
  const busy = fetcher.state !== "idle";
  const editor = useBlocksEditor(data.stored, result);
  const submit = (fields: Record<string, string>) => fetcher.submit({ ...fields, timeZone: data.timeZone }, { method: "post" });
  const save = () => submit(editor.saveFields());
  const pluginActive = data.theme?.embedActive ?? null;

  return (
    <StandalonePage
      locale={data.locale}
      title={t("woocommerce.admin.blocks")}
      subtitle={t("woocommerce.blocks.subtitle")}
      wide
      backAction={backToOverview(data)}
      primaryAction={{ content: t("blocks.save"), onAction: save, loading: busy, disabled: busy }}
    >
      <BlockStack gap="500">
        <UnsavedChanges host="standalone" dirty={editor.dirty} saving={busy} onSave={save} onDiscard={editor.discard} />
        {expired && (
          <Banner tone="critical">
            <p>{t("woocommerce.blocks.expired")}</p>
          </Banner>
        )}
        {data.apiError && (
          <Banner tone="warning" title={t("woocommerce.blocks.apiError")}>
            {data.apiError}
          </Banner>
        )}
        {result?.ok && result.published && !editor.dirty && (
          <Banner tone="success">
            <p>{t("woocommerce.blocks.published")}</p>
          </Banner>
        )}
        <BlocksWorkspace
          editor={editor}
          result={result}
          busy={busy}
          stored={data.stored}
          onRepublish={() => submit({ intent: "republish" })}
          currencyCode={data.currencyCode}
          timeZone={data.timeZone}
          sources={data.sources as ExtensionSources}
          css={data.css}
          previewShop={data.previewShop}
          observedCarriers={data.observedCarriers}
          shippingBacking={data.shippingBacking}
          platformHost={data.platformHost}
          styleChoice={false}
          previewNote={() => t("woocommerce.blocks.previewNote")}
          storefrontStatus={() => (
            <BlockStack gap="200">
              {pluginActive === null ? null : (
                <InlineStack gap="200" blockAlign="center">
                  <Badge tone={pluginActive ? "success" : "warning"}>{pluginActive ? t("woocommerce.blocks.pluginActive") : t("woocommerce.blocks.pluginMissing")}</Badge>
                  {data.theme ? <Text as="span">{t("woocommerce.blocks.theme", { theme: data.theme.themeName })}</Text> : null}
                </InlineStack>
              )}
              <Text as="p" tone="subdued">
                {pluginActive === false ? t("woocommerce.blocks.pluginMissingHelp") : t("woocommerce.admin.blocksHelp")}
              </Text>
              {pluginActive && data.theme ? <Text as="p">{productPageStatus(data.theme, t)}</Text> : null}
            </BlockStack>
          )}
        />
      </BlockStack>
    </StandalonePage>
  );
}

/** The blocks the plugin prints with the product summary (the rest are in the footer, cart and checkout). */
const PRODUCT_PAGE_BLOCKS = ["payment", "promises", "delivery", "partners", "reviews"];

/** Where the plugin's blocks were really seen: only what a fetched product page showed. */
function productPageStatus(theme: { blocksOnProductPage: string[]; productPageChecked?: string | null }, t: ReturnType<typeof useI18n>["t"]): string {
  const url = theme.productPageChecked;
  if (!url) return t("woocommerce.blocks.productNotChecked");
  const seen = theme.blocksOnProductPage;
  // Footer blocks are on every page: only the product blocks tell whether the theme fires the product hooks.
  const productBlockSeen = seen.some((handle) => PRODUCT_PAGE_BLOCKS.includes(handle));
  const notes = [seen.length > 0 ? t("woocommerce.blocks.seenOnProduct", { url, blocks: seen.join(", ") }) : null, productBlockSeen ? null : t("woocommerce.blocks.notSeenOnProduct", { url })];
  return notes.filter(Boolean).join(" ");
}
