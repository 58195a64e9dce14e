/**
 * The frame every Rassure page inside wp-admin renders first: it keeps the wp-admin session
 * (admin-session.ts), answers a page opened without a valid session with "reopen Rassure from
 * WordPress" (AdminExpired), and gives the page its language. The page's own content gets the
 * loader's data once it is known to be authorised; the help entry (HelpFooter) closes every page,
 * as the Shopify admin layout does.
 */
import type { MetaFunction } from "@remix-run/react";
import type { ReactNode } from "react";
import type { HelpEnvironment } from "../env.server";
import { HelpFooter } from "../help/HelpFooter";
import { I18nProvider, translator, type Locale, type MessageKey } from "../i18n";
import { AdminExpired } from "./AdminExpired";
import { useAdminSession } from "./admin-session";
import { wooAdminUrl } from "./admin-url";
import { StandalonePage } from "./StandalonePage";

/** What every wp-admin page loader answers (admin-page.server.ts). */
export type WooAdminPageData = { locale: Locale; authorised: false } | { locale: Locale; authorised: true; store: string; token: string; help: HelpEnvironment };

interface Props<Data extends WooAdminPageData> {
  data: Data;
  /** The page's title, also shown on the "expired" page. */
  title: string;
  children: (data: Extract<Data, { authorised: true }>) => ReactNode;
}

export function WooAdminPage<Data extends WooAdminPageData>({ data, title, children }: Props<Data>) {
  useAdminSession(data.authorised ? data.token : null);
  if (!data.authorised) return <AdminExpired locale={data.locale} title={title} />;
  return (
    <I18nProvider locale={data.locale}>
      {children(data as Extract<Data, { authorised: true }>)}
      {/* Its own landmark: the page's content is the <main> (StandalonePage), the help entry the footer. */}
      <footer>
        <HelpFooter help={data.help} />
      </footer>
    </I18nProvider>
  );
}

/** The way back from a page below the overview (/woocommerce/admin) to it, in the page's language. */
export function backToOverview(page: { locale: Locale; store: string }) {
  return { content: translator(page.locale)("woocommerce.admin.title"), url: wooAdminUrl("/woocommerce/admin", page.store, page.locale) };
}

/** A page one level below the overview (/woocommerce/admin), full width, with the way back to it. */
export function WooAdminSubpage<Data extends WooAdminPageData>({ data, title, children }: Props<Data>) {
  return (
    <WooAdminPage data={data} title={title}>
      {(page) => (
        <StandalonePage locale={page.locale} title={title} wide backAction={backToOverview(page)}>
          {children(page)}
        </StandalonePage>
      )}
    </WooAdminPage>
  );
}

/** A wp-admin page's document title ("<page> – Rassure"), in the page's language: the frame is a document of its own. */
export function wooAdminMeta(titleKey: MessageKey): MetaFunction<() => Promise<{ locale: Locale }>> {
  return ({ data }) => [{ title: `${translator(data?.locale ?? "en")(titleKey)} – Rassure` }];
}
