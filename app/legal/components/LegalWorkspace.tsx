/**
 * The legal drafts page, shared by the Shopify admin and the WooCommerce page in wp-admin:
 * the state of each legal text, the company details form, and for the chosen text its draft
 * (language, whole text or only what is missing), an editor with a live preview, the
 * difference with what the shop shows now, and save / publish / restore.
 */
import { Badge, Banner, BlockStack, Box, Button, ButtonGroup, Card, Checkbox, InlineStack, Layout, List, Select, Text, TextField } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { formatDate, useI18n } from "../../i18n";
import { UnsavedChanges } from "../../unsaved-changes/UnsavedChanges";
import type { LegalIdentityFields } from "../identity";
import { IDENTITY_FIELDS } from "../identity";
import { sanitizeLegalHtml } from "../sanitize-html";
import type { DraftView, LegalActionResult, LegalHistoryEntry, TextStatus } from "../workspace.server";

export interface LegalWorkspaceData {
  platform: "shopify" | "woocommerce";
  keepsDrafts: boolean;
  identity: LegalIdentityFields;
  identitySaved: boolean;
  statuses: TextStatus[];
  draft: DraftView | null;
  history: LegalHistoryEntry[];
}

interface Props {
  data: LegalWorkspaceData;
  result: LegalActionResult | undefined;
  busy: boolean;
  submit(fields: Record<string, string>): void;
  /** The page's own address with these query parameters (kind, lang, mode). */
  hrefFor(query: Record<string, string>): string;
}

/** A link to another view of this page (Polaris routes it through Remix in the embedded admin). */
function ViewLink({ url, current = false, children }: { url: string; current?: boolean; children: string }) {
  return (
    <Button url={url} variant={current ? "secondary" : "plain"} pressed={current}>
      {children}
    </Button>
  );
}

const STATE_TONE = { missing: "critical", incomplete: "warning", complete: "success" } as const;

/**
 * The page's two editing forms (the open draft and the company details) keep their state here,
 * so that one save bar and one leave guard cover both: Save stores the draft (never publishes)
 * or, when only they changed, the company details.
 */
function useLegalEdits(data: LegalWorkspaceData) {
  const draftKey = data.draft ? `${data.draft.kind}-${data.draft.locale}-${data.draft.mode}` : null;
  const savedHtml = data.draft?.html ?? "";
  const [edit, setEdit] = useState({ key: draftKey, html: savedHtml, confirmReplace: false });
  // An edit (and the choice to replace) belongs to the draft it was made on: another draft
  // starts from what is saved, unconfirmed.
  const current = edit.key === draftKey ? edit : { key: draftKey, html: savedHtml, confirmReplace: false };
  // A save answers with the text as stored (sanitised): the editor starts again from it.
  useEffect(() => setEdit((previous) => (previous.key === draftKey ? { ...previous, html: savedHtml } : previous)), [draftKey, savedHtml]);
  const [identity, setIdentity] = useState(data.identity);
  // The loader answers with what was stored (normalised): the form starts again from it.
  useEffect(() => setIdentity(data.identity), [data.identity]);
  return {
    html: current.html,
    setHtml: (html: string) => setEdit({ ...current, html }),
    confirmReplace: current.confirmReplace,
    setConfirmReplace: (confirmReplace: boolean) => setEdit({ ...current, confirmReplace }),
    draftDirty: data.draft !== null && current.html !== savedHtml,
    identity,
    setIdentity,
    identityDirty: IDENTITY_FIELDS.some((field) => identity[field] !== data.identity[field]),
    discard() {
      setEdit({ key: draftKey, html: savedHtml, confirmReplace: false });
      setIdentity(data.identity);
    },
  };
}

export function LegalWorkspace({ data, result, busy, submit, hrefFor }: Props) {
  const { t } = useI18n();
  const edits = useLegalEdits(data);
  const sendDraft = (intent: "draft" | "publish") => {
    if (!data.draft) return;
    submit({ intent, kind: data.draft.kind, locale: data.draft.locale, html: edits.html, ...(edits.confirmReplace ? { confirmReplace: "yes" } : {}) });
  };
  const saveIdentity = () => submit({ intent: "identity", ...edits.identity });
  return (
    <BlockStack gap="500">
      <UnsavedChanges
        host={data.platform === "shopify" ? "shopify-admin" : "standalone"}
        dirty={edits.draftDirty || edits.identityDirty}
        saving={busy}
        onSave={() => (edits.draftDirty ? sendDraft("draft") : saveIdentity())}
        onDiscard={edits.discard}
      />
      <Banner tone="info" title={t("legal.notice.title")}>
        <p>{t("legal.notice.body")}</p>
      </Banner>
      {result && !result.ok && result.error === "platform" && (
        <Banner tone="critical" title={t("legal.error.platform")}>
          <p>{result.message}</p>
        </Banner>
      )}
      <Layout>
        <Layout.Section>
          <BlockStack gap="500">
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">{t("legal.texts.heading")}</Text>
                {data.statuses.map((status) => (
                  <InlineStack key={status.kind} align="space-between" blockAlign="center" gap="200" wrap>
                    <BlockStack gap="100">
                      <InlineStack gap="200" blockAlign="center">
                        <Text as="span" fontWeight="semibold">{t(`legal.kind.${status.kind}`)}</Text>
                        <Badge tone={STATE_TONE[status.state]}>{t(`legal.state.${status.state}`)}</Badge>
                      </InlineStack>
                      {status.missing.length > 0 && <Text as="span" tone="subdued">{t("legal.state.lacks", { items: status.missing.join(", ") })}</Text>}
                    </BlockStack>
                    <ViewLink url={hrefFor({ kind: status.kind })} current={data.draft?.kind === status.kind}>
                      {t(status.state === "missing" ? "legal.action.draft" : "legal.action.review")}
                    </ViewLink>
                  </InlineStack>
                ))}
              </BlockStack>
            </Card>
            {data.draft && (
              <DraftEditor
                key={`${data.draft.kind}-${data.draft.locale}-${data.draft.mode}`}
                draft={data.draft}
                keepsDrafts={data.keepsDrafts}
                result={result}
                busy={busy}
                html={edits.html}
                onHtmlChange={edits.setHtml}
                confirmReplace={edits.confirmReplace}
                onConfirmReplaceChange={edits.setConfirmReplace}
                send={sendDraft}
                hrefFor={hrefFor}
              />
            )}
            <History entries={data.history} busy={busy} submit={submit} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <IdentityForm fields={edits.identity} onChange={edits.setIdentity} saved={data.identitySaved} result={result} busy={busy} onSave={saveIdentity} />
        </Layout.Section>
      </Layout>
    </BlockStack>
  );
}

interface IdentityFormProps {
  fields: LegalIdentityFields;
  onChange(fields: LegalIdentityFields): void;
  saved: boolean;
  result: LegalActionResult | undefined;
  busy: boolean;
  onSave(): void;
}

function IdentityForm({ fields, onChange: setFields, saved, result, busy, onSave }: IdentityFormProps) {
  const { t } = useI18n();
  const problems = result && !result.ok && result.intent === "identity" ? (result.problems ?? {}) : {};
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">{t("legal.identity.heading")}</Text>
        <Text as="p" tone="subdued">{saved ? t("legal.identity.help") : t("legal.identity.prefilled")}</Text>
        {IDENTITY_FIELDS.map((field) =>
          field === "returnCosts" ? (
            <Select
              key={field}
              label={t("legal.field.returnCosts")}
              value={fields.returnCosts}
              onChange={(value) => setFields({ ...fields, returnCosts: value })}
              options={[
                { label: t("legal.returnCosts.unset"), value: "" },
                { label: t("legal.returnCosts.customer"), value: "customer" },
                { label: t("legal.returnCosts.seller"), value: "seller" },
              ]}
              error={problems.returnCosts ? t(`legal.problem.${problems.returnCosts}`) : undefined}
            />
          ) : (
            <TextField
              key={field}
              label={t(`legal.field.${field}`)}
              value={fields[field]}
              onChange={(value) => setFields({ ...fields, [field]: value })}
              autoComplete="off"
              maxLength={300}
              error={problems[field] ? t(`legal.problem.${problems[field]}`) : undefined}
            />
          ),
        )}
        <InlineStack align="end">
          <Button variant="primary" loading={busy} onClick={onSave}>
            {t("legal.identity.save")}
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}

interface DraftEditorProps {
  draft: DraftView;
  keepsDrafts: boolean;
  result: LegalActionResult | undefined;
  busy: boolean;
  html: string;
  onHtmlChange(html: string): void;
  confirmReplace: boolean;
  onConfirmReplaceChange(confirm: boolean): void;
  send(intent: "draft" | "publish"): void;
  hrefFor: Props["hrefFor"];
}

function DraftEditor({ draft, keepsDrafts, result, busy, html, onHtmlChange: setHtml, confirmReplace, onConfirmReplaceChange: setConfirmReplace, send, hrefFor }: DraftEditorProps) {
  const { t } = useI18n();
  const exists = draft.currentHtml.trim() !== "";
  const missingFields = draft.missingFields;
  const failed = result && !result.ok && (result.intent === "draft" || result.intent === "publish") ? result.error : null;
  const changed = draft.diff.filter((line) => line.op !== "same");

  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack align="space-between" blockAlign="center" wrap gap="200">
          <Text as="h2" variant="headingMd">{t("legal.draft.heading", { kind: t(`legal.kind.${draft.kind}`) })}</Text>
          <ButtonGroup variant="segmented">
            {(["fr", "en"] as const).map((locale) => (
              <ViewLink key={locale} url={hrefFor({ kind: draft.kind, lang: locale, mode: draft.mode })} current={locale === draft.locale}>
                {t(`legal.locale.${locale}`)}
              </ViewLink>
            ))}
          </ButtonGroup>
        </InlineStack>
        {exists && (
          <InlineStack gap="300" wrap>
            <Text as="span">{t("legal.mode.label")}</Text>
            <ButtonGroup variant="segmented">
              <ViewLink url={hrefFor({ kind: draft.kind, lang: draft.locale, mode: "missing" })} current={draft.mode === "missing"}>
                {t("legal.mode.missing")}
              </ViewLink>
              <ViewLink url={hrefFor({ kind: draft.kind, lang: draft.locale, mode: "full" })} current={draft.mode === "full"}>
                {t("legal.mode.full")}
              </ViewLink>
            </ButtonGroup>
          </InlineStack>
        )}
        {missingFields.length > 0 && (
          <Banner tone="warning" title={t("legal.draft.missingTitle")}>
            <p>{t("legal.draft.missingBody")}</p>
            <List>
              {missingFields.map((field) => (
                <List.Item key={field}>{t(`legal.field.${field}`)}</List.Item>
              ))}
            </List>
          </Banner>
        )}
        {failed === "missing-fields" && <Banner tone="critical">{t("legal.error.missingFields")}</Banner>}
        {failed === "confirm-replace" && <Banner tone="critical">{t("legal.error.confirmReplace")}</Banner>}
        {failed === "invalid" && <Banner tone="critical">{t("legal.error.invalid")}</Banner>}
        {result?.ok && result.intent === "publish" && <Banner tone="success">{t("legal.published", { url: result.url ?? "" })}</Banner>}
        {result?.ok && result.intent === "draft" && (
          <Banner tone="success">
            <p>{keepsDrafts ? t("legal.draftSaved.platform") : t("legal.draftSaved.app")}</p>
            {result.draftUrl ? <Button url={result.draftUrl} target="_blank">{t("legal.draft.openEditor")}</Button> : null}
          </Banner>
        )}
        <TextField label={t("legal.draft.editor")} helpText={t("legal.draft.editorHelp")} value={html} onChange={setHtml} multiline={10} autoComplete="off" monospaced />
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">{t("legal.draft.preview")}</Text>
          <Box padding="400" borderWidth="025" borderColor="border" borderRadius="200">
            <div className="rassure-legal-preview" dangerouslySetInnerHTML={{ __html: sanitizeLegalHtml(html) }} />
          </Box>
        </BlockStack>
        {exists && (
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">{t("legal.diff.heading")}</Text>
            {draft.currentUrl && <Text as="p" tone="subdued">{t("legal.diff.current", { url: draft.currentUrl })}</Text>}
            <Box padding="300" background="bg-surface-secondary" borderRadius="200">
              <BlockStack gap="100">
                {changed.length === 0 ? (
                  <Text as="p">{t("legal.diff.none")}</Text>
                ) : (
                  changed.map((line, index) => (
                    <Text key={index} as="p" tone={line.op === "add" ? "success" : "critical"}>
                      {line.op === "add" ? `+ ${t("legal.diff.added")} ` : `− ${t("legal.diff.removed")} `}
                      {line.text}
                    </Text>
                  ))
                )}
              </BlockStack>
            </Box>
            <Checkbox label={t("legal.diff.confirm")} helpText={t("legal.diff.confirmHelp")} checked={confirmReplace} onChange={setConfirmReplace} />
          </BlockStack>
        )}
        <BlockStack gap="100">
          <Text as="h3" variant="headingSm">{t("legal.references")}</Text>
          <List>
            {draft.references.map((reference) => (
              <List.Item key={reference}>{reference}</List.Item>
            ))}
          </List>
        </BlockStack>
        <InlineStack align="end" gap="200">
          <Button loading={busy} onClick={() => send("draft")}>{keepsDrafts ? t("legal.action.saveDraftPlatform") : t("legal.action.saveDraft")}</Button>
          <Button variant="primary" loading={busy} disabled={missingFields.length > 0 || (exists && !confirmReplace)} onClick={() => send("publish")}>
            {exists ? t("legal.action.replace") : t("legal.action.publish")}
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}

function History({ entries, busy, submit }: { entries: LegalHistoryEntry[]; busy: boolean; submit: Props["submit"] }) {
  const { t, locale } = useI18n();
  if (!entries.length) return null;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">{t("legal.history.heading")}</Text>
        {entries.map((entry) => (
          <InlineStack key={entry.id} align="space-between" blockAlign="center" gap="200" wrap>
            <Text as="span">
              {t("legal.history.item", { kind: t(`legal.kind.${entry.kind}`), date: entry.publishedAt ? formatDate(locale, entry.publishedAt) : "" })}
              {entry.status === "restored" ? ` — ${t("legal.history.restored")}` : ""}
            </Text>
            {entry.canRestore && (
              <Button loading={busy} onClick={() => submit({ intent: "restore", id: entry.id })}>
                {t("legal.history.restore")}
              </Button>
            )}
          </InlineStack>
        ))}
      </BlockStack>
    </Card>
  );
}

