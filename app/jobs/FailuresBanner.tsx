/** Home's banner about background jobs that gave up for this shop; nothing when there are none. */
import { Banner, BlockStack, List, Text } from "@shopify/polaris";
import { formatDate, useI18n, type MessageKey } from "../i18n";
import type { JobFailureGroup } from "./failures.server";

const KNOWN_KINDS = new Set(["tracking.check-fulfillment", "checklist.scan"]);

export function JobFailuresBanner({ failures }: { failures: JobFailureGroup[] }) {
  const { t, locale } = useI18n();
  if (failures.length === 0) return null;
  return (
    <Banner tone="warning" title={t("jobs.failures.title")}>
      <BlockStack gap="200">
        <Text as="p">{t("jobs.failures.intro")}</Text>
        <List type="bullet">
          {failures.map((group) => (
            <List.Item key={group.kind}>
              <BlockStack gap="050">
                <Text as="span">
                  {t("jobs.failures.item", {
                    label: t((KNOWN_KINDS.has(group.kind) ? `jobs.kind.${group.kind}` : "jobs.kind.other") as MessageKey),
                    count: group.count,
                    date: formatDate(locale, group.lastFailedAt),
                  })}
                </Text>
                {group.lastError && (
                  <Text as="span" tone="subdued">
                    {t("jobs.failures.reason", { reason: group.lastError })}
                  </Text>
                )}
              </BlockStack>
            </List.Item>
          ))}
        </List>
        <Text as="p">{t("jobs.failures.more")}</Text>
      </BlockStack>
    </Banner>
  );
}
