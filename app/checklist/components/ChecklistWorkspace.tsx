/**
 * The trust checklist as the merchant reads it, in the Shopify admin and in wp-admin alike: the
 * score with its gate, the score over time, a status filter, and the categories, each with a
 * counter counted from the same results as its items' badges; every item with its status,
 * what was seen, why it matters (the platform's own words), a fix link into the shop's admin,
 * re-check and, for what no API can see, the merchant's confirmation. The data comes from
 * app/checklist/page.server.ts; forms post to the page's own action.
 */
import type { SerializeFrom } from "@remix-run/node";
import { Form, useNavigation, useRevalidator, useSearchParams } from "@remix-run/react";
import { Badge, Banner, BlockStack, Box, Button, Card, Collapsible, InlineGrid, InlineStack, Layout, Link, List, ProgressBar, Select, Spinner, Text, TextField } from "@shopify/polaris";
import { useEffect, useId, useState } from "react";
import type { Platform } from "../../../adapters/types";
import { isScanRunning, useScanFinishedToast } from "../../feedback/useScanFinishedToast";
import { formatDate, useI18n, type MessageKey } from "../../i18n";
import type { ChecklistActionResult, ItemDefinition, loadChecklistPage } from "../page.server";
import { categoryProgress, isBlockingCritical, isDone } from "../scoring";
import { CATEGORIES, type Localized, type Status } from "../types";

const POLL_MS = 2_000;
const PLATFORM_NAME: Record<Platform, string> = { shopify: "Shopify", woocommerce: "WooCommerce" };

export type ChecklistPageData = SerializeFrom<typeof loadChecklistPage>;
/** A result as the page receives it (JSON). */
type CheckResult = NonNullable<ChecklistPageData["latest"]["report"]>["results"][number];
type Filter = "all" | "fail" | "warning" | "manual_pending" | "done" | "other";

const STATUS_TONE: Record<Status, "success" | "critical" | "warning" | "attention" | "info" | undefined> = {
  pass: "success",
  manual_attested: "success",
  fail: "critical",
  warning: "warning",
  manual_pending: "attention",
  not_applicable: undefined,
  error: "info",
};

function matches(filter: Filter, status: Status): boolean {
  if (filter === "all") return true;
  if (filter === "done") return isDone({ status });
  if (filter === "other") return status === "error" || status === "not_applicable";
  return status === filter;
}

/** An evidence value as the merchant reads it: a platform guarantee in their language, anything else as seen. */
function evidenceText(value: unknown, locale: "en" | "fr"): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && typeof (value as Localized).en === "string" && typeof (value as Localized).fr === "string") return (value as Localized)[locale];
  return JSON.stringify(value);
}

function HistoryTrend({ points, timeZone }: { points: Array<{ startedAt: string; score: number }>; timeZone: string | null }) {
  const { t, locale } = useI18n();
  if (points.length < 2) return <Text as="p" tone="subdued">{t("checklist.historyEmpty")}</Text>;
  const width = 280;
  const height = 60;
  const step = width / (points.length - 1);
  const path = points.map((p, i) => `${Math.round(i * step)},${Math.round(height - (p.score / 100) * height)}`).join(" ");
  const last = points.slice(-5);
  return (
    <BlockStack gap="200">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t("checklist.history")}>
        <polyline points={path} fill="none" stroke="#005bd3" strokeWidth="2" />
      </svg>
      <List>
        {last.map((p) => (
          <List.Item key={p.startedAt}>{t("checklist.historyPoint", { date: formatDate(locale, p.startedAt, timeZone), score: p.score })}</List.Item>
        ))}
      </List>
    </BlockStack>
  );
}

function ChecklistItem({ result, definition, busy, timeZone }: { result: CheckResult; definition: ItemDefinition | undefined; busy: boolean; timeZone: string | null }) {
  const { t, locale } = useI18n();
  // Alert e-mails link to one item (?item=<id>): it opens, scrolled into view.
  const targeted = useSearchParams()[0].get("item") === result.id;
  const [open, setOpen] = useState(targeted);
  const detailsId = useId();
  useEffect(() => {
    if (targeted) document.getElementById(`checklist-item-${result.id}`)?.scrollIntoView({ block: "start" });
  }, [targeted, result.id]);
  return (
    <Box id={`checklist-item-${result.id}`} paddingBlock="300" borderBlockEndWidth="025" borderColor="border-secondary">
      <BlockStack gap="200">
        {/* Title beside its badges; on a phone the badges go below, so the title keeps the width. */}
        <InlineGrid columns={{ xs: "1fr", sm: "1fr auto" }} alignItems="center" gap="200">
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              {result.title[locale]}
            </Text>
            <Text as="p" tone="subdued">
              {result.summary[locale]}
            </Text>
          </BlockStack>
          <InlineStack gap="200" blockAlign="center" wrap={false}>
            {result.severity === "critical" && <Badge tone="critical">{t("checklist.severity.critical")}</Badge>}
            <Badge tone={STATUS_TONE[result.status]}>{t(`checklist.status.${result.status}` as MessageKey)}</Badge>
            <Button variant="plain" disclosure={open ? "up" : "down"} ariaExpanded={open} ariaControls={detailsId} onClick={() => setOpen(!open)}>
              {open ? t("checklist.details.hide") : t("checklist.details.show")}
            </Button>
          </InlineStack>
        </InlineGrid>
        <Collapsible id={detailsId} open={open}>
          <Box paddingBlockStart="200">
            <BlockStack gap="300">
              {result.informative && <Text as="p" tone="subdued">{t("checklist.informative")}</Text>}
              {definition?.why && (
                <BlockStack gap="100">
                  <Text as="h4" variant="headingXs">{t("checklist.why")}</Text>
                  <Text as="p">{definition.why[locale]}</Text>
                  {definition.legalBasis.length > 0 && (
                    <Text as="p" tone="subdued">
                      {t("checklist.legalBasis")}: {definition.legalBasis.join(" · ")}
                    </Text>
                  )}
                </BlockStack>
              )}
              <BlockStack gap="100">
                <Text as="h4" variant="headingXs">{t("checklist.evidence")}</Text>
                {result.evidence.length ? (
                  <List>
                    {result.evidence.map((e, i) => (
                      <List.Item key={i}>
                        {e.source}: {evidenceText(e.value, locale)}
                      </List.Item>
                    ))}
                  </List>
                ) : (
                  <Text as="p" tone="subdued">{t("checklist.noEvidence")}</Text>
                )}
              </BlockStack>
              <InlineStack gap="300" blockAlign="center">
                {result.fix.adminUrl && (
                  <Link url={result.fix.adminUrl} target="_top">
                    {t("checklist.fix")}
                  </Link>
                )}
                <Link url={result.fix.docsUrl} target="_blank">
                  {t("checklist.learnMore")}
                </Link>
                <Form method="post">
                  <input type="hidden" name="intent" value="recheck" />
                  <input type="hidden" name="checkId" value={result.id} />
                  <Button submit disabled={busy}>{t("checklist.recheck")}</Button>
                </Form>
              </InlineStack>
              {definition?.attestation && <Attestation result={result} prompt={definition.attestation} busy={busy} timeZone={timeZone} />}
            </BlockStack>
          </Box>
        </Collapsible>
      </BlockStack>
    </Box>
  );
}

function Attestation({ result, prompt, busy, timeZone }: { result: CheckResult; prompt: Localized; busy: boolean; timeZone: string | null }) {
  const { t, locale } = useI18n();
  const [evidence, setEvidence] = useState(result.attestation?.evidence ?? "");
  return (
    <Box background="bg-surface-secondary" padding="300" borderRadius="200">
      <BlockStack gap="200">
        <Text as="h4" variant="headingXs">{t("checklist.attest.heading")}</Text>
        <Text as="p">{prompt[locale]}</Text>
        {result.attestation && <Text as="p" tone="subdued">{t("checklist.attest.expires", { date: formatDate(locale, result.attestation.expiresAt, timeZone) })}</Text>}
        <Form method="post">
          <BlockStack gap="200">
            <input type="hidden" name="intent" value="attest" />
            <input type="hidden" name="checkId" value={result.id} />
            <TextField label={t("checklist.attest.evidence")} name="evidence" value={evidence} onChange={setEvidence} autoComplete="off" multiline={2} maxLength={2000} />
            <InlineStack gap="200">
              <Button submit variant="primary" disabled={busy || !evidence.trim()}>{t("checklist.attest.submit")}</Button>
            </InlineStack>
          </BlockStack>
        </Form>
        {result.attestation && (
          <Form method="post">
            <input type="hidden" name="intent" value="withdraw" />
            <input type="hidden" name="checkId" value={result.id} />
            <Button submit variant="plain" tone="critical" disabled={busy}>{t("checklist.attest.withdraw")}</Button>
          </Form>
        )}
      </BlockStack>
    </Box>
  );
}

/** The page's content below its title: the same on both platforms, posting its forms to the page's own action. */
export function ChecklistWorkspace({ data, actionData }: { data: ChecklistPageData; actionData: ChecklistActionResult | undefined }) {
  const { platform, latest, definitions, scans } = data;
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const { t, locale } = useI18n();
  const [filter, setFilter] = useState<Filter>("all");
  const busy = navigation.state !== "idle";
  const running = latest.current?.status === "running";
  const report = latest.report;
  const timeZone = report?.timeZone ?? null;

  const startedScanId = actionData?.ok ? actionData.scanId : undefined;
  useScanFinishedToast(startedScanId, scans);
  const following = running || isScanRunning(startedScanId, scans);

  // Progress while a scan runs: poll until the row (and the merchant's scan) leaves "running".
  useEffect(() => {
    if (!following) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [following, revalidator]);

  // The same gate as the score's (scoring.ts): a critical item failing or waiting for attestation.
  const gated = report?.results.some(isBlockingCritical) ?? false;
  const tone = !report || report.score === null ? "info" : report.label === "good" ? "success" : report.score < 40 ? "critical" : "warning";
  const filters: Filter[] = ["all", "fail", "warning", "manual_pending", "done", "other"];

  return (
    <BlockStack gap="500">
      <Text as="p" tone="subdued">
        {t("checklist.subtitle", { platform: PLATFORM_NAME[platform] })}
      </Text>
      {actionData && !actionData.ok && <Banner tone="critical">{t("checklist.attest.error", { message: actionData.problem })}</Banner>}
      {actionData?.ok && actionData.intent === "attest" && <Banner tone="success">{t("checklist.attest.saved")}</Banner>}
      {actionData?.ok && actionData.intent === "recheck" && <Banner tone="info">{t("checklist.recheckStarted")}</Banner>}
      {running && (
        <Banner tone="info" title={t("checklist.runningLabel")}>
          <InlineStack gap="200" blockAlign="center">
            <Spinner size="small" accessibilityLabel={t("checklist.runningLabel")} />
            <Text as="p">{t("checklist.running", { platform: PLATFORM_NAME[platform] })}</Text>
          </InlineStack>
        </Banner>
      )}
      {latest.current?.status === "failed" && <Banner tone="critical">{t("checklist.failed", { message: latest.current.error ?? "" })}</Banner>}
      {latest.current?.status === "interrupted" && <Banner tone="warning">{t("checklist.interrupted")}</Banner>}
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <InlineStack align="space-between" blockAlign="center">
                <Text as="h2" variant="headingMd">{t("checklist.scoreHeading")}</Text>
                <Form method="post">
                  <input type="hidden" name="intent" value="scan" />
                  <Button submit variant="primary" loading={running || (busy && navigation.formData?.get("intent") === "scan")}>{t("checklist.scanNow")}</Button>
                </Form>
              </InlineStack>
              {report ? (
                <Banner tone={tone} title={report.score === null ? t("checklist.noScore") : t("checklist.score", { score: report.score, grade: report.grade ?? "-" })}>
                  <BlockStack gap="100">
                    <Text as="p" fontWeight="semibold">{t(`checklist.label.${report.label}`)}</Text>
                    {gated && <Text as="p">{t("checklist.gate")}</Text>}
                    <Text as="p">
                      {t("checklist.verified", { count: report.verifiedAutomatically })} · {t("checklist.confirmed", { count: report.confirmedByYou })} · {t("checklist.lastScan", { date: formatDate(locale, report.evaluatedAt, timeZone) })}
                    </Text>
                  </BlockStack>
                </Banner>
              ) : (
                !running && <Text as="p">{t("checklist.empty")}</Text>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">{t("checklist.history")}</Text>
              <HistoryTrend points={latest.history} timeZone={timeZone} />
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
      {report && (
        <>
          <Box maxWidth="320px">
            <Select label={t("checklist.filter")} options={filters.map((f) => ({ label: t(`checklist.filter.${f}` as MessageKey), value: f }))} value={filter} onChange={(value) => setFilter(value as Filter)} />
          </Box>
          {CATEGORIES.map((category) => {
            // The counter counts the same results as the badges below it (not the score's subset).
            const inCategory = report.results.filter((r) => r.category === category);
            const summary = categoryProgress(inCategory);
            const items = inCategory.filter((r) => matches(filter, r.status));
            if (!items.length && filter !== "all") return null;
            return (
              <Card key={category}>
                <BlockStack gap="200">
                  <InlineStack align="space-between" blockAlign="center">
                    <Text as="h2" variant="headingMd" id={`checklist-category-${category}`}>
                      {t(`checklist.category.${category}` as MessageKey)}
                    </Text>
                    <Text as="span" tone="subdued">{t("checklist.progress", { done: summary.done, total: summary.total })}</Text>
                  </InlineStack>
                  {summary.total > 0 && <ProgressBar progress={Math.round((summary.done / summary.total) * 100)} size="small" tone="primary" ariaLabelledBy={`checklist-category-${category}`} />}
                  {items.map((result) => (
                    <ChecklistItem key={result.id} result={result} definition={definitions[result.id]} busy={busy} timeZone={timeZone} />
                  ))}
                </BlockStack>
              </Card>
            );
          })}
          {filter !== "all" && !report.results.some((r) => matches(filter, r.status)) && <Text as="p">{t("checklist.filter.none")}</Text>}
        </>
      )}
    </BlockStack>
  );
}
