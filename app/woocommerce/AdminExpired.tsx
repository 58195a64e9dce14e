/** What the wp-admin pages show without a valid token: reopen Rassure from WordPress. */
import { Banner } from "@shopify/polaris";
import { translator, type Locale } from "../i18n";
import { StandalonePage } from "./StandalonePage";

export function AdminExpired({ locale, title }: { locale: Locale; title: string }) {
  return (
    <StandalonePage locale={locale} title={title}>
      <Banner tone="warning">
        <p>{translator(locale)("woocommerce.admin.expired")}</p>
      </Banner>
    </StandalonePage>
  );
}
