/**
 * The frame of the WooCommerce pages outside Shopify's admin (connect, return, the wp-admin
 * embed): Polaris with its own translations, the app's EN/FR catalog, and toasts drawn by the page
 * (no App Bridge here). Narrow by default;
 * the blocks editor takes the full width for its editor and preview columns.
 */
import { Link } from "@remix-run/react";
import { AppProvider, Box, Page, type AppProviderProps, type PageProps } from "@shopify/polaris";
import polarisEnglish from "@shopify/polaris/locales/en.json";
import polarisFrench from "@shopify/polaris/locales/fr.json";
import type { ComponentProps, ReactNode } from "react";
import { StandaloneToasts } from "../feedback/toast";
import { I18nProvider, type Locale } from "../i18n";

interface Props extends Pick<PageProps, "subtitle" | "backAction" | "primaryAction"> {
  locale: Locale;
  title: string;
  wide?: boolean;
  children: ReactNode;
}

/**
 * Polaris links and buttons with a url: the app's own pages open through Remix (its requests
 * carry the wp-admin session header, admin-session.ts), anything else (another site, a new tab,
 * the whole window) as a plain link.
 */
function AppLink({ url, children, external, target, ...rest }: ComponentProps<NonNullable<AppProviderProps["linkComponent"]>>) {
  if (external || target || !url.startsWith("/") || url.startsWith("//")) {
    return (
      <a href={url} target={external ? "_blank" : target} rel={external || target === "_blank" ? "noopener noreferrer" : undefined} {...rest}>
        {children}
      </a>
    );
  }
  return (
    <Link to={url} {...rest}>
      {children}
    </Link>
  );
}

export function StandalonePage({ locale, title, wide = false, children, ...page }: Props) {
  return (
    <AppProvider i18n={locale === "fr" ? polarisFrench : polarisEnglish} linkComponent={AppLink}>
      <I18nProvider locale={locale}>
        <StandaloneToasts>
          {/* The page is the document here (no admin around it): its content is the main landmark. */}
          <main>
            <Page narrowWidth={!wide} title={title} {...page}>
              {/* Below Polaris's "sm" the page has no side padding of its own (Shopify's admin gives it): text would touch the frame's edge. */}
              <Box paddingInline={{ xs: "400", sm: "0" }}>{children}</Box>
            </Page>
          </main>
        </StandaloneToasts>
      </I18nProvider>
    </AppProvider>
  );
}
