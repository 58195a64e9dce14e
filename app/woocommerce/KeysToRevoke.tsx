/** Keys Rassure could not revoke on the store itself: which ones, and where the merchant revokes them. */
import { Banner, List } from "@shopify/polaris";
import { translator, type Locale } from "../i18n";

export interface KeyShown {
  description: string;
  truncatedKey: string;
}

export function KeysToRevoke({ locale, keys }: { locale: Locale; keys: KeyShown[] }) {
  if (!keys.length) return null;
  const t = translator(locale);
  return (
    <Banner tone="warning" title={t("woocommerce.keys.revokeTitle")}>
      <p>{t("woocommerce.keys.revokeHelp")}</p>
      <List>
        {keys.map((key) => (
          <List.Item key={key.truncatedKey}>{t("woocommerce.keys.key", { description: key.description, truncated: key.truncatedKey })}</List.Item>
        ))}
      </List>
    </Banner>
  );
}
