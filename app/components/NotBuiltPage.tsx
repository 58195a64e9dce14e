import { TitleBar } from "@shopify/app-bridge-react";
import { Banner, Page } from "@shopify/polaris";
import { useI18n, type MessageKey } from "../i18n";

/** A navigation entry whose feature has not shipped: say so plainly, promise nothing. */
export function NotBuiltPage({ titleKey }: { titleKey: MessageKey }) {
  const { t } = useI18n();
  return (
    <Page title={t(titleKey)}>
      <TitleBar title={t(titleKey)} />
      <Banner tone="info" title={t("notBuilt.title")}>
        {t("notBuilt.body")}
      </Banner>
    </Page>
  );
}
