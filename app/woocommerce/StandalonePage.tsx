/**
 * The frame of the WooCommerce pages outside Shopify's admin (connect, return, the wp-admin
 * embed): Polaris with its own translations, and the app's EN/FR catalog. Narrow by default;
 * the blocks editor takes the full width for its editor and preview columns.
 */
import { AppProvider, Page, type PageProps } from "@shopify/polaris";
import polarisEnglish from "@shopify/polaris/locales/en.json";
import polarisFrench from "@shopify/polaris/locales/fr.json";
import type { ReactNode } from "react";
import { I18nProvider, type Locale } from "../i18n";

interface Props extends Pick<PageProps, "subtitle" | "backAction" | "primaryAction"> {
  locale: Locale;
  title: string;
  wide?: boolean;
  children: ReactNode;
}

export function StandalonePage({ locale, title, wide = false, children, ...page }: Props) {
  return (
    <AppProvider i18n={locale === "fr" ? polarisFrench : polarisEnglish}>
      <I18nProvider locale={locale}>
        <Page narrowWidth={!wide} title={title} {...page}>
          {children}
        </Page>
      </I18nProvider>
    </AppProvider>
  );
}
