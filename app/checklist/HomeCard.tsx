/** Home's checklist card: score, label and the top three items, each linking to its fix. */
import { Link as RemixLink } from "@remix-run/react";
import { Badge, BlockStack, Box, Card, InlineStack, Link, Text } from "@shopify/polaris";
import { formatDate, useI18n, type MessageKey } from "../i18n";
import type { HomeChecklistSummary } from "./home.server";

export function ChecklistHomeCard({ summary }: { summary: HomeChecklistSummary }) {
  const { t, locale } = useI18n();
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {t("checklist.home.heading")}
          </Text>
          {summary.score !== null && (
            <Badge tone={summary.label === "good" ? "success" : "attention"}>{t("checklist.score", { score: summary.score, grade: summary.grade ?? "-" })}</Badge>
          )}
        </InlineStack>
        {summary.running && <Text as="p" tone="subdued">{t("checklist.runningLabel")}…</Text>}
        {summary.score === null && !summary.running && <Text as="p">{t("checklist.home.notScanned")}</Text>}
        {summary.evaluatedAt && summary.top.length === 0 && <Text as="p">{t("checklist.home.none")}</Text>}
        {summary.top.map((item) => (
          <Box key={item.id} paddingBlock="100" borderBlockEndWidth="025" borderColor="border-secondary">
            <BlockStack gap="100">
              <InlineStack align="space-between" blockAlign="center" gap="200">
                <Text as="h3" variant="headingSm">
                  {item.title[locale]}
                </Text>
                <Badge tone={item.status === "fail" ? "critical" : "attention"}>{t(`checklist.status.${item.status}` as MessageKey)}</Badge>
              </InlineStack>
              <Text as="p" tone="subdued">
                {item.summary[locale]}
              </Text>
              {item.fix.adminUrl && (
                <Link url={item.fix.adminUrl} target="_top">
                  {t("checklist.fix")}
                </Link>
              )}
            </BlockStack>
          </Box>
        ))}
        <InlineStack gap="200" blockAlign="center">
          <RemixLink to="/app/checklist">{t("checklist.home.open")}</RemixLink>
          {summary.evaluatedAt && (
            <Text as="span" tone="subdued">
              {t("checklist.lastScan", { date: formatDate(locale, summary.evaluatedAt, summary.timeZone) })}
            </Text>
          )}
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
