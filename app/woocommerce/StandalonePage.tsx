/**
 * The frame of the WooCommerce pages outside Shopify's admin (connect, return, the wp-admin
 * embed): Polaris with its own translations, and the app's EN/FR catalog.
 */
import { AppProvider, Page } from "@shopify/polaris";
import polarisEnglish from "@shopify/polaris/locales/en.json";
import polarisFrench from "@shopify/polaris/locales/fr.json";
import type { ReactNode } from "react";
import { I18nProvider, type Locale } from "../i18n";

export function StandalonePage({ locale, title, children }: { locale: Locale; title: string; children: ReactNode }) {
  return (
    <AppProvider i18n={locale === "fr" ? polarisFrench : polarisEnglish}>
      <I18nProvider locale={locale}>
        <Page narrowWidth title={title}>
          {children}
        </Page>
      </I18nProvider>
    </AppProvider>
  );
}
