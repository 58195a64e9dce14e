/**
 * The storefront blocks editor as both admins show it (Shopify's embedded admin and the
 * WooCommerce page inside wp-admin): a tab per block with its fields, the live preview rendered
 * from the extension's Liquid, validation and publication problems, and the "on your storefront"
 * card whose platform part each page supplies. The page owns saving (its own route action).
 */
import { Badge, Banner, BlockStack, Box, Card, InlineStack, Layout, List, Select, Tabs, Text, useBreakpoints } from "@shopify/polaris";
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { formatDate, useI18n, type MessageKey } from "../../i18n";
import { BLOCK_HANDLES, BLOCKS, type BlockKey, type ConfigIssue, type Lang, type StorefrontConfig } from "../config";
import type { ExtensionSources, PreviewShop } from "../liquid-preview";
import type { SaveResult, StoredVersion } from "../storefront.server";
import { BlockEditor } from "./BlockEditor";
import type { ShippingBacking } from "../shipping-backing";
import { BlockPreview } from "./BlockPreview";

/**
 * The editor's state: the merchant's working copy, what was last saved, the stored version the
 * copy was edited from (sent with each save, so a save that another one beat is refused: see
 * saveAndPublishStorefrontConfig), and the answer's field issues or conflict.
 */
export function useBlocksEditor(initial: StoredVersion, result: SaveResult | undefined, onSaved?: (result: Extract<SaveResult, { ok: true }>) => void) {
  const { t } = useI18n();
  const [config, setConfig] = useState<StorefrontConfig>(initial.config);
  const [saved, setSaved] = useState(() => JSON.stringify(initial.config));
  const [baseVersion, setBaseVersion] = useState(initial.version);
  const [conflict, setConflict] = useState<StoredVersion | null>(null);

  useEffect(() => {
    if (result?.ok) {
      setSaved(JSON.stringify(config));
      setBaseVersion(result.version);
      setConflict(null);
      onSaved?.(result);
    } else if (result && "conflict" in result) {
      setConflict(result.conflict); // the working copy stays as the merchant left it
    }
    // Only when a new answer arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result]);

  /** The merchant keeps their edits: the next save replaces the version that won. */
  const keepMine = useCallback(() => {
    if (conflict) setBaseVersion(conflict.version);
    setConflict(null);
  }, [conflict]);
  /** The merchant drops their edits for the version that won. */
  const loadTheirs = useCallback(() => {
    if (!conflict) return;
    setConfig(conflict.config);
    setSaved(JSON.stringify(conflict.config));
    setBaseVersion(conflict.version);
    setConflict(null);
  }, [conflict]);

  const issues: ConfigIssue[] = useMemo(() => (result && "issues" in result ? result.issues : []), [result]);
  const errorFor = useCallback(
    (fieldPath: string) => {
      const issue = issues.find((i) => i.path === fieldPath);
      return issue ? t(`blocks.error.${issue.code}` as MessageKey, { limit: issue.limit ?? "" }) : undefined;
    },
    [issues, t],
  );
  /** The fields a save posts. */
  const saveFields = () => ({ intent: "save", config: JSON.stringify(config), version: String(baseVersion) });
  const discard = useCallback(() => setConfig(JSON.parse(saved) as StorefrontConfig), [saved]);
  return { config, setConfig, dirty: JSON.stringify(config) !== saved, discard, issues, errorFor, conflict, keepMine, loadTheirs, saveFields };
}

export type BlocksEditorState = ReturnType<typeof useBlocksEditor>;

interface Props {
  editor: BlocksEditorState;
  result: SaveResult | undefined;
  busy: boolean;
  stored: { publishedVersion: number | null; publishedAt: string | null; publishError: string | null };
  onRepublish: () => void;
  currencyCode: string;
  timeZone: string;
  sources: ExtensionSources;
  css: string;
  previewShop: PreviewShop;
  /** Carriers seen on the shop's recent shipments (the partners block names only these). */
  observedCarriers: string[];
  /** The shop's free-shipping threshold from its settings (null: never read). */
  shippingBacking: ShippingBacking | null;
  /** "Shopify", or null where the merchant names the host. */
  platformHost: string | null;
  /** Shopify lets the merchant pick the block style in the theme editor; elsewhere the default style applies. */
  styleChoice: boolean;
  previewNote: (block: BlockKey) => string;
  /** The platform's part of the "on your storefront" card (theme and embed, or the plugin). */
  storefrontStatus: (block: BlockKey) => ReactNode;
}

/** The style a storefront shows when nobody chose one (the extension's and the plugin's defaults). */
const defaultTone = (block: BlockKey) => (block === "bar" ? "soft" : "plain");

export function BlocksWorkspace({ editor, result, busy, stored, onRepublish, currencyCode, timeZone, sources, css, previewShop, observedCarriers, shippingBacking, platformHost, styleChoice, previewNote, storefrontStatus }: Props) {
  const { t, locale } = useI18n();
  const [tab, setTab] = useState(0);
  const [previewLang, setPreviewLang] = useState<Lang>(locale);
  const [tone, setTone] = useState("plain");
  const block = BLOCKS[tab];
  const { config, issues } = editor;
  const partnerFacts = useMemo(() => ({ carriers: observedCarriers, host: platformHost ?? config.partners.host }), [observedCarriers, platformHost, config.partners.host]);
  const publishError = result?.ok && !result.published ? result.publishError : stored.publishError;
  const publishedVersion = result?.ok && result.published ? result.version : stored.publishedVersion;
  const tabs = useMemo(() => BLOCKS.map((key) => ({ id: `block-${key}`, content: t(`blocks.block.${key}` as MessageKey), accessibilityLabel: t(`blocks.block.${key}` as MessageKey) })), [t]);
  const blockIssues = (key: BlockKey) => issues.some((i) => i.path.startsWith(`${key}.`));
  // On a phone the six tabs do not fit the screen: a select chooses the block instead.
  const { smDown } = useBreakpoints();
  const panel = (
              <Box padding="400">
                <BlockStack gap="400">
                  <InlineStack gap="200" blockAlign="center">
                    <Text as="h2" variant="headingMd">{t(`blocks.block.${block}` as MessageKey)}</Text>
                    <Badge tone={config[block].enabled ? "success" : undefined}>{config[block].enabled ? t("blocks.on") : t("blocks.off")}</Badge>
                  </InlineStack>
                  <Text as="p" tone="subdued">{t(`blocks.help.${block}` as MessageKey)}</Text>
                  <BlockEditor block={block} config={config} onChange={editor.setConfig} errorFor={editor.errorFor} currencyCode={currencyCode} observedCarriers={observedCarriers} shippingBacking={shippingBacking} hostIsPlatform={platformHost !== null} />
                </BlockStack>
              </Box>
  );

  return (
    <BlockStack gap="500">
      {issues.length > 0 && (
        <Banner tone="critical" title={t("blocks.invalid", { count: issues.length })}>
          <List>
            {BLOCKS.filter(blockIssues).map((key) => (
              <List.Item key={key}>{t(`blocks.block.${key}` as MessageKey)}</List.Item>
            ))}
          </List>
        </Banner>
      )}
      {editor.conflict && (
        <Banner
          tone="warning"
          title={t("blocks.conflict.title")}
          action={{ content: t("blocks.conflict.keepMine"), onAction: editor.keepMine }}
          secondaryAction={{ content: t("blocks.conflict.loadTheirs"), onAction: editor.loadTheirs }}
        >
          <p>{t("blocks.conflict.body", { version: editor.conflict.version })}</p>
        </Banner>
      )}
      {publishError && (
        <Banner tone="critical" title={t("blocks.publishFailed")} action={{ content: t("blocks.retry"), onAction: onRepublish, loading: busy }}>
          <p>{publishError}</p>
        </Banner>
      )}
      <Layout>
        <Layout.Section>
          <Card padding="0">
            {smDown ? (
              <>
                <Box paddingBlockStart="400" paddingInline="400">
                  <Select label={t("phone.blockPicker")} value={String(tab)} onChange={(value) => setTab(Number(value))} options={tabs.map((item, index) => ({ label: item.content, value: String(index) }))} />
                </Box>
                {panel}
              </>
            ) : (
              <Tabs tabs={tabs} selected={tab} onSelect={setTab} fitted={false}>
                {panel}
              </Tabs>
            )}
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">{t("blocks.preview.heading")}</Text>
                <InlineStack gap="300">
                  <Select label={t("blocks.preview.language")} value={previewLang} onChange={(v) => setPreviewLang(v as Lang)} options={[{ value: "en", label: t("blocks.lang.en") }, { value: "fr", label: t("blocks.lang.fr") }]} />
                  {styleChoice && (
                    <Select label={t("blocks.preview.style")} value={tone} onChange={setTone} options={["plain", "soft", "outline"].map((v) => ({ value: v, label: t(`blocks.tone.${v}` as MessageKey) }))} />
                  )}
                </InlineStack>
                <BlockPreview
                  sources={sources}
                  css={css}
                  handle={BLOCK_HANDLES[block]}
                  config={config}
                  locale={previewLang}
                  tone={styleChoice ? tone : defaultTone(block)}
                  shop={previewShop}
                  timeZone={timeZone}
                  partnerFacts={partnerFacts}
                  shippingBacking={shippingBacking}
                  title={t("blocks.preview.frameTitle", { block: t(`blocks.block.${block}` as MessageKey) })}
                  emptyText={t("blocks.preview.empty")}
                />
                <Text as="p" variant="bodySm" tone="subdued">{block === "payment" ? t("blocks.preview.paymentNote") : previewNote(block)}</Text>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">{t("blocks.status.heading")}</Text>
                <InlineStack gap="200" blockAlign="center">
                  <Badge tone={editor.dirty ? "attention" : publishedVersion ? "success" : undefined}>
                    {editor.dirty ? t("blocks.status.unsaved") : publishedVersion ? t("blocks.status.published") : t("blocks.status.neverPublished")}
                  </Badge>
                  {stored.publishedAt && !editor.dirty && <Text as="span" tone="subdued">{formatDate(locale, stored.publishedAt)}</Text>}
                </InlineStack>
                {storefrontStatus(block)}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </BlockStack>
  );
}
