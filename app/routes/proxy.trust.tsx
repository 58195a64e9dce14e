/**
 * App proxy: https://<shop>/apps/rassure/trust → /proxy/trust, signed by Shopify (the signature
 * is verified by authenticate.public.appProxy). Answers Liquid, which Shopify renders inside the
 * shop's theme; 404 while the merchant has not switched the trust page on.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLocale, type Locale } from "../i18n";
import { authenticate } from "../shopify.server";
import { loadTrustPageSource } from "../trust-page/trust-facts.server";
import { renderTrustPage } from "../trust-page/trust-page.server";

function localeOf(value: string | null): Locale {
  const base = (value ?? "").slice(0, 2).toLowerCase();
  return isLocale(base) ? base : "en";
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { liquid } = await authenticate.public.appProxy(request);
  const url = new URL(request.url);
  const source = await loadTrustPageSource("shopify", url.searchParams.get("shop") ?? "");
  const page = source ? renderTrustPage(source, localeOf(url.searchParams.get("locale"))) : null;
  if (page === null) return new Response("Not found", { status: 404 });
  return liquid(page, { headers: { "Cache-Control": "no-store" } });
};
