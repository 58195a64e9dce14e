/** Home: is Rassure live on the storefront and on orders? Each line links to the page that changes it. */
import { Link } from "@remix-run/react";
import { Badge, BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import { formatDate, useI18n } from "../i18n";
import { StoredReadAge } from "../platform-reads/StoredReadStatus";
import type { LiveStatus } from "./live-status.server";

/** `timeZone`: the shop's (IANA), so dates read as in the shop, not as on the server. */
export function LiveStatusCard({ status, timeZone }: { status: LiveStatus; timeZone: string | null }) {
  const { t, locale } = useI18n();
  const { theme } = status;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("home.live.heading")}
        </Text>
        {theme ? (
          <BlockStack gap="200">
            <InlineStack gap="200" blockAlign="center">
              <Badge tone={theme.embedActive ? "success" : "attention"}>{theme.embedActive ? t("home.live.barOn") : t("home.live.barOff")}</Badge>
              <Text as="span" tone="subdued">
                {t("home.live.theme", { theme: theme.themeName })}
              </Text>
            </InlineStack>
            <Text as="p">{t("home.live.blocks", { count: theme.blocksOnProductPage.length })}</Text>
            <StoredReadAge read={{ readAt: status.themeReadAt }} />
          </BlockStack>
        ) : (
          <Text as="p" tone="critical">
            {status.themeError ? t("home.live.themeError", { message: status.themeError }) : t("home.live.noTheme")}
          </Text>
        )}
        <Text as="p" tone="subdued">
          {status.blocksPublishedAt ? t("home.live.published", { date: formatDate(locale, status.blocksPublishedAt, timeZone) }) : t("home.live.notPublished")}
        </Text>
        <Link to="/app/blocks">{t("home.live.editBlocks")}</Link>
        <Text as="p">{t("home.live.trackingFixes", { count: status.trackingFixes })}</Text>
        <Link to="/app/tracking">{t("home.live.openTracking")}</Link>
      </BlockStack>
    </Card>
  );
}
