/**
 * App proxy: https://<shop>/apps/rassure/track → /proxy/track, signed by Shopify. The "Track my
 * order" block posts its plain form here; the answer is a Liquid page Shopify renders inside the
 * shop's theme (or JSON for a script that asks for it). authenticate.public.appProxy verifies
 * the `signature` parameter (HMAC-SHA256 over the sorted query) and refuses a stale timestamp.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ShopifyAdapter } from "../../adapters/shopify";
import { readBoundedForm } from "../http/bounded-body.server";
import { isLocale, type Locale } from "../i18n";
import { budgetedAdminGraphql } from "../limits/shopify-budget.server";
import { authenticate } from "../shopify.server";
import { CLIENT_FIELD, lookupClientOf } from "../tracking/lookup-client.server";
import { loadCarrierChoices } from "../tracking/settings.server";
import { lookupOrderParcels, renderLookupPage, type LookupOutcome } from "../tracking/storefront-lookup.server";

const FORM_ACTION = "/apps/rassure/track";

const STATUS: Record<LookupOutcome["kind"], number> = { found: 200, "not-found": 200, invalid: 400, "too-many": 429, unavailable: 503 };

function localeOf(value: FormDataEntryValue | string | null): Locale {
  const base = typeof value === "string" ? value.slice(0, 2).toLowerCase() : "";
  return isLocale(base) ? base : "en";
}

function respond(body: string, status: number, liquid: (body: string, init?: ResponseInit) => Response, extraHeaders: Record<string, string> = {}) {
  return liquid(body, { status, headers: { "Cache-Control": "no-store", ...extraHeaders } });
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { liquid } = await authenticate.public.appProxy(request);
  const locale = localeOf(new URL(request.url).searchParams.get("locale"));
  return respond(renderLookupPage(null, locale, { order: "", email: "" }, FORM_ACTION), 200, liquid);
};

export const action = async ({ request, context }: ActionFunctionArgs) => {
  const { liquid, admin, session } = await authenticate.public.appProxy(request);
  const shop = new URL(request.url).searchParams.get("shop") ?? "";
  const form = await readBoundedForm(request);
  const order = String(form.get("order") ?? "");
  const email = String(form.get("email") ?? "");
  const locale = localeOf(form.get("locale"));
  // The lookup draws on the shop's shared API budget too, but never keeps a shopper waiting long.
  const adapter = admin && session ? new ShopifyAdapter(budgetedAdminGraphql(shop, admin.graphql, { maxWaitMs: 2_000 })) : null;
  const choices = await loadCarrierChoices({ platform: "shopify", shopDomain: shop });
  const { client, token, setCookie } = lookupClientOf(request, context, String(form.get(CLIENT_FIELD) ?? ""));
  const outcome = await lookupOrderParcels({ shop, client, order, email }, adapter, choices);
  const headers: Record<string, string> = { "Set-Cookie": setCookie, ...(outcome.kind === "too-many" ? { "Retry-After": String(outcome.retryAfter) } : {}) };
  if (request.headers.get("accept")?.includes("application/json")) {
    return Response.json(outcome.kind === "found" ? outcome : { kind: outcome.kind }, { status: STATUS[outcome.kind], headers: { "Cache-Control": "no-store", ...headers } });
  }
  return respond(renderLookupPage(outcome, locale, { order, email }, FORM_ACTION, token), STATUS[outcome.kind], liquid, headers);
};
