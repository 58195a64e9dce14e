/**
 * Storefront blocks: per-block editor (texts per language), live preview rendered from the
 * extension's Liquid, publish to the storefront, deep links into the theme editor and whether
 * the app embed is live on the published theme.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import { Badge, Banner, BlockStack, Box, Button, Card, InlineStack, Layout, List, Page, Select, Tabs, Text } from "@shopify/polaris";
import { useCallback, useEffect, useMemo, useState } from "react";
import { ShopifyAdapter } from "../../adapters/shopify";
import type { ShopProfile, ThemeEmbedStatus } from "../../adapters/types";
import { appEnvironment } from "../env.server";
import { formatDate, useI18n, type MessageKey } from "../i18n";
import { findShop } from "../shops.server";
import { authenticate } from "../shopify.server";
import { BlockEditor } from "../storefront/components/BlockEditor";
import { BlockPreview } from "../storefront/components/BlockPreview";
import { BLOCK_HANDLES, BLOCKS, TRUST_BAR_EMBED_HANDLE, type BlockKey, type ConfigIssue, type Lang, type StorefrontConfig } from "../storefront/config";
import { EXTENSION_DIR, readExtensionSources } from "../storefront/extension-sources.server";
import type { ExtensionSources } from "../storefront/liquid-preview";
import { previewShopFromProfile } from "../storefront/preview-shop";
import { loadStorefrontConfig, refreshStalePublication, republishStorefrontConfig, saveAndPublishStorefrontConfig } from "../storefront/storefront.server";
import { themeEditorAddBlockUrl, themeEditorActivateEmbedUrl } from "../storefront/theme-editor-links";

async function shopContext(request: Request) {
  const { admin, session } = await authenticate.admin(request);
  const shop = await findShop("shopify", session.shop);
  if (!shop) throw new Response("This shop is not installed.", { status: 404 });
  return { adapter: new ShopifyAdapter(admin.graphql), shop, domain: session.shop };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { adapter, shop, domain } = await shopContext(request);
  const [profile, theme] = await Promise.all([
    adapter.getShopProfile().then((p): ShopProfile | string => p, messageOf),
    adapter.getThemeEmbedStatus(TRUST_BAR_EMBED_HANDLE).then((s): ThemeEmbedStatus | null | string => s, messageOf),
  ]);
  const profileOk = typeof profile === "string" ? null : profile;
  if (profileOk?.timezone) await refreshStalePublication(shop.id, adapter, profileOk.timezone);
  const stored = await loadStorefrontConfig(shop.id);
  return {
    domain,
    apiKey: appEnvironment().shopifyApiKey,
    stored: { ...stored, publishedAt: stored.publishedAt?.toISOString() ?? null },
    timeZone: profileOk?.timezone ?? "Europe/Paris",
    currencyCode: profileOk?.currencyCode ?? "EUR",
    previewShop: previewShopFromProfile(profileOk),
    apiError: typeof profile === "string" ? profile : typeof theme === "string" ? theme : null,
    theme: typeof theme === "string" ? null : theme,
    sources: readExtensionSources(),
    css: readFileSync(path.join(EXTENSION_DIR, "assets/rassure.css"), "utf8"),
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { adapter, shop } = await shopContext(request);
  const form = await request.formData();
  const timeZone = String(form.get("timeZone") ?? "") || "Europe/Paris";
  if (form.get("intent") === "republish") return republishStorefrontConfig(shop.id, adapter, timeZone);
  let input: unknown;
  try {
    input = JSON.parse(String(form.get("config") ?? ""));
  } catch {
    return { ok: false as const, issues: [{ path: "config", code: "required" }] satisfies ConfigIssue[] };
  }
  return saveAndPublishStorefrontConfig(shop.id, input, adapter, timeZone);
};

export default function StorefrontBlocks() {
  const data = useLoaderData<typeof loader>();
  const fetcher = useFetcher<typeof action>();
  const { t, locale } = useI18n();
  const [config, setConfig] = useState<StorefrontConfig>(data.stored.config);
  const [saved, setSaved] = useState(() => JSON.stringify(data.stored.config));
  const [tab, setTab] = useState(0);
  const [previewLang, setPreviewLang] = useState<Lang>(locale);
  const [tone, setTone] = useState("plain");
  const block = BLOCKS[tab];
  const result = fetcher.data;
  const busy = fetcher.state !== "idle";
  const dirty = JSON.stringify(config) !== saved;

  useEffect(() => {
    if (result?.ok) {
      setSaved(JSON.stringify(config));
      shopify.toast.show(result.published ? t("blocks.toast.published") : t("blocks.toast.savedNotPublished"), { isError: !result.published });
    }
    // Only when a new answer arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result]);

  const issues = useMemo(() => (result && !result.ok ? result.issues : []), [result]);
  const errorFor = useCallback(
    (fieldPath: string) => {
      const issue = issues.find((i) => i.path === fieldPath);
      return issue ? t(`blocks.error.${issue.code}` as MessageKey, { limit: issue.limit ?? "" }) : undefined;
    },
    [issues, t],
  );

  const save = () => fetcher.submit({ intent: "save", config: JSON.stringify(config), timeZone: data.timeZone }, { method: "post" });
  const republish = () => fetcher.submit({ intent: "republish", timeZone: data.timeZone }, { method: "post" });
  const publishError = result?.ok && !result.published ? result.publishError : data.stored.publishError;
  const publishedVersion = result?.ok && result.published ? result.version : data.stored.publishedVersion;
  const tabs = useMemo(() => BLOCKS.map((key) => ({ id: `block-${key}`, content: t(`blocks.block.${key}` as MessageKey), accessibilityLabel: t(`blocks.block.${key}` as MessageKey) })), [t]);
  const blockIssues = (key: BlockKey) => issues.some((i) => i.path.startsWith(`${key}.`));

  return (
    <Page
      title={t("blocks.title")}
      subtitle={t("blocks.subtitle")}
      primaryAction={{ content: t("blocks.save"), onAction: save, loading: busy, disabled: busy }}
    >
      <TitleBar title={t("blocks.title")} />
      <BlockStack gap="500">
        {data.apiError && <Banner tone="warning" title={t("blocks.apiError")}>{data.apiError}</Banner>}
        {issues.length > 0 && (
          <Banner tone="critical" title={t("blocks.invalid", { count: issues.length })}>
            <List>
              {BLOCKS.filter(blockIssues).map((key) => (
                <List.Item key={key}>{t(`blocks.block.${key}` as MessageKey)}</List.Item>
              ))}
            </List>
          </Banner>
        )}
        {publishError && (
          <Banner tone="critical" title={t("blocks.publishFailed")} action={{ content: t("blocks.retry"), onAction: republish, loading: busy }}>
            <p>{publishError}</p>
          </Banner>
        )}
        <Layout>
          <Layout.Section>
            <Card padding="0">
              <Tabs tabs={tabs} selected={tab} onSelect={setTab} fitted={false}>
                <Box padding="400">
                  <BlockStack gap="400">
                    <InlineStack gap="200" blockAlign="center">
                      <Text as="h2" variant="headingMd">{t(`blocks.block.${block}` as MessageKey)}</Text>
                      <Badge tone={config[block].enabled ? "success" : undefined}>{config[block].enabled ? t("blocks.on") : t("blocks.off")}</Badge>
                    </InlineStack>
                    <Text as="p" tone="subdued">{t(`blocks.help.${block}` as MessageKey)}</Text>
                    <BlockEditor block={block} config={config} onChange={setConfig} errorFor={errorFor} currencyCode={data.currencyCode} />
                  </BlockStack>
                </Box>
              </Tabs>
            </Card>
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <BlockStack gap="400">
              <Card>
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">{t("blocks.preview.heading")}</Text>
                  <InlineStack gap="300">
                    <Select label={t("blocks.preview.language")} value={previewLang} onChange={(v) => setPreviewLang(v as Lang)} options={[{ value: "en", label: t("blocks.lang.en") }, { value: "fr", label: t("blocks.lang.fr") }]} />
                    <Select label={t("blocks.preview.style")} value={tone} onChange={setTone} options={["plain", "soft", "outline"].map((v) => ({ value: v, label: t(`blocks.tone.${v}` as MessageKey) }))} />
                  </InlineStack>
                  <BlockPreview
                    sources={data.sources as ExtensionSources}
                    css={data.css}
                    handle={BLOCK_HANDLES[block]}
                    config={config}
                    locale={previewLang}
                    tone={tone}
                    shop={data.previewShop}
                    timeZone={data.timeZone}
                    title={t("blocks.preview.frameTitle", { block: t(`blocks.block.${block}` as MessageKey) })}
                    emptyText={t("blocks.preview.empty")}
                  />
                  <Text as="p" variant="bodySm" tone="subdued">{block === "payment" ? t("blocks.preview.paymentNote") : t("blocks.preview.note")}</Text>
                </BlockStack>
              </Card>
              <Card>
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">{t("blocks.status.heading")}</Text>
                  <InlineStack gap="200" blockAlign="center">
                    <Badge tone={dirty ? "attention" : publishedVersion ? "success" : undefined}>
                      {dirty ? t("blocks.status.unsaved") : publishedVersion ? t("blocks.status.published") : t("blocks.status.neverPublished")}
                    </Badge>
                    {data.stored.publishedAt && !dirty && <Text as="span" tone="subdued">{formatDate(locale, data.stored.publishedAt)}</Text>}
                  </InlineStack>
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
                </BlockStack>
              </Card>
            </BlockStack>
          </Layout.Section>
        </Layout>
      </BlockStack>
    </Page>
  );
}
