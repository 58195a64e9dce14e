/**
 * Storefront blocks: per-block editor (texts per language), live preview rendered from the
 * extension's Liquid, publish to the storefront, deep links into the theme editor and whether
 * the app embed is live on the published theme.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import { Badge, Banner, BlockStack, Button, InlineStack, Page, Text } from "@shopify/polaris";
import { ShopifyAdapter } from "../../adapters/shopify";
import { readBoundedForm } from "../http/bounded-body.server";
import { appEnvironment } from "../env.server";
import { useI18n } from "../i18n";
import { StoredReadAge, StoredReadFailure, useStoredReadsRefresh } from "../platform-reads/StoredReadStatus";
import { findShop } from "../shops.server";
import { authenticate } from "../shopify.server";
import { BlocksWorkspace, useBlocksEditor } from "../storefront/components/BlocksWorkspace";
import { BLOCK_HANDLES, TRUST_BAR_EMBED_HANDLE } from "../storefront/config";
import { BLOCKS_FORM_MAX_BYTES, blocksEditorAction, loadBlocksEditor } from "../storefront/editor.server";
import type { ExtensionSources } from "../storefront/liquid-preview";
import { themeEditorAddBlockUrl, themeEditorActivateEmbedUrl } from "../storefront/theme-editor-links";
import { UnsavedChanges } from "../unsaved-changes/UnsavedChanges";

async function shopContext(request: Request) {
  const { admin, session } = await authenticate.admin(request);
  const shop = await findShop("shopify", session.shop);
  if (!shop) throw new Response("This shop is not installed.", { status: 404 });
  return { adapter: new ShopifyAdapter(admin.graphql), shop, domain: session.shop };
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { adapter, shop, domain } = await shopContext(request);
  return { domain, apiKey: appEnvironment().shopifyApiKey, ...(await loadBlocksEditor(shop, adapter, "stored")) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { adapter, shop } = await shopContext(request);
  return blocksEditorAction(shop.id, adapter, await readBoundedForm(request, BLOCKS_FORM_MAX_BYTES));
};

export default function StorefrontBlocks() {
  const data = useLoaderData<typeof loader>();
  const fetcher = useFetcher<typeof action>();
  const { t } = useI18n();
  useStoredReadsRefresh(data.pending);
  const result = fetcher.data;
  const busy = fetcher.state !== "idle";
  const editor = useBlocksEditor(data.stored, result, (saved) =>
    shopify.toast.show(saved.published ? t("blocks.toast.published") : t("blocks.toast.savedNotPublished"), { isError: !saved.published }),
  );

  const save = () => fetcher.submit({ ...editor.saveFields(), timeZone: data.timeZone }, { method: "post" });
  const republish = () => fetcher.submit({ intent: "republish", timeZone: data.timeZone }, { method: "post" });

  return (
    <Page
      title={t("blocks.title")}
      subtitle={t("blocks.subtitle")}
      primaryAction={{ content: t("blocks.save"), onAction: save, loading: busy, disabled: busy }}
    >
      <TitleBar title={t("blocks.title")} />
      <UnsavedChanges host="shopify-admin" dirty={editor.dirty} saving={busy} onSave={save} onDiscard={editor.discard} />
      <BlockStack gap="500">
        {/* Nothing stored to show (never read): the editor works with defaults; else the stored facts with their age. */}
        {data.apiError && !data.reads.profile.readAt ? (
          <Banner tone="warning" title={t("blocks.apiError")}>{data.apiError}</Banner>
        ) : (
          <StoredReadFailure platform="Shopify" reads={[data.reads.profile, data.reads.theme]} />
        )}
        <BlocksWorkspace
          editor={editor}
          result={result}
          busy={busy}
          stored={data.stored}
          onRepublish={republish}
          currencyCode={data.currencyCode}
          timeZone={data.timeZone}
          sources={data.sources as ExtensionSources}
          css={data.css}
          previewShop={data.previewShop}
          observedCarriers={data.observedCarriers}
          shippingBacking={data.shippingBacking}
          platformHost={data.platformHost}
          styleChoice
          previewNote={() => t("blocks.preview.note")}
          storefrontStatus={(block) => (
            <>
              {data.theme ? (
                <BlockStack gap="200">
                  <InlineStack gap="200" blockAlign="center">
                    <Badge tone={data.theme.embedActive ? "success" : "warning"}>{data.theme.embedActive ? t("blocks.status.embedOn") : t("blocks.status.embedOff")}</Badge>
                    <Text as="span">{t("blocks.status.theme", { theme: data.theme.themeName })}</Text>
                  </InlineStack>
                  <Text as="p">
                    {data.theme.blocksOnProductPage.length > 0
                      ? t("blocks.status.onProduct", { blocks: data.theme.blocksOnProductPage.join(", ") })
                      : t("blocks.status.noneOnProduct")}
                  </Text>
                  <StoredReadAge read={data.reads.theme} />
                </BlockStack>
              ) : (
                <Text as="p" tone="subdued">{t("blocks.status.noTheme")}</Text>
              )}
              <InlineStack gap="200">
                {block === "bar" ? (
                  <Button url={themeEditorActivateEmbedUrl(data.domain, data.apiKey, TRUST_BAR_EMBED_HANDLE)} target="_blank">{t("blocks.link.embed")}</Button>
                ) : (
                  <Button url={themeEditorAddBlockUrl(data.domain, data.apiKey, BLOCK_HANDLES[block])} target="_blank">{t("blocks.link.addBlock")}</Button>
                )}
              </InlineStack>
            </>
          )}
        />
      </BlockStack>
    </Page>
  );
}
