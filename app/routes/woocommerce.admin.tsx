/**
 * /woocommerce/admin — the Rassure page inside wp-admin. The companion plugin frames it with a
 * short-lived token it signs with the shop's link secret (`?store=<domain>&token=…`); the page
 * then works with the app's session token, sent in a header once the token left the URL
 * (admin-access.server.ts, admin-session.ts). It shows the checklist, the
 * blocks (editor at /woocommerce/admin/blocks) and the connection, and lets the merchant
 * disconnect. Only the store's own origin may frame it.
 */
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { Badge, Banner, BlockStack, Button, Card, InlineStack, Link, Text } from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { readBoundedForm } from "../http/bounded-body.server";
import { formatDate, translator, type Locale } from "../i18n";
import { authoriseWooAdminRequest, wooAdminFrameHeaders } from "../woocommerce/admin-access.server";
import { loadWooAdminPage } from "../woocommerce/admin-page.server";
import { keepDataWhenOnlyTokenDropped, wooAdminUrl } from "../woocommerce/admin-url";
import { publishWooBlocks, wooBlocksStatus } from "../woocommerce/blocks.server";
import { scanWooShop, wooChecklistSummary } from "../woocommerce/checklist.server";
import { disconnectWooShop } from "../woocommerce/connect.server";
import { keysShown } from "../woocommerce/key-revocation.server";
import { KeysToRevoke } from "../woocommerce/KeysToRevoke";
import { adapterFromCredentials, WOO_PAGE_READ } from "../woocommerce/credentials.server";
import { StandalonePage } from "../woocommerce/StandalonePage";
import { WooAdminPage } from "../woocommerce/WooAdminPage";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export const loader = ({ request }: LoaderFunctionArgs) =>
  loadWooAdminPage(request, async ({ access }) => {
    let profile: { name: string; storefrontHttps: boolean } | null = null;
    let error: string | null = null;
    try {
      const live = await adapterFromCredentials(access.credentials, WOO_PAGE_READ).getShopProfile();
      profile = { name: live.name, storefrontHttps: live.storefrontHttps };
    } catch (cause) {
      error = cause instanceof Error ? cause.message.slice(0, 200) : String(cause);
    }
    const [checklist, blocks] = await Promise.all([wooChecklistSummary(access.shop.domain), wooBlocksStatus(access.shop)]);
    return {
      storeUrl: access.credentials.storeUrl,
      name: profile?.name ?? access.shop.name ?? access.shop.domain,
      https: profile?.storefrontHttps ?? null,
      error,
      checklist,
      blocks,
    };
  });

export const action = async ({ request }: ActionFunctionArgs) => {
  const access = await authoriseWooAdminRequest(request);
  if (!access) return new Response("Forbidden", { status: 403 });
  const store = access.shop.domain;
  const form = await readBoundedForm(request);
  if (form.get("intent") === "scan") {
    await scanWooShop(store);
    return { scanned: true };
  }
  if (form.get("intent") === "publish") {
    const result = await publishWooBlocks(access.shop, await shopTimeZone(access.credentials));
    return { published: result.ok && result.published };
  }
  if (form.get("intent") !== "disconnect") return new Response("Bad request", { status: 400 });
  const result = await disconnectWooShop(store);
  const storeUrl = result.storeUrl ?? access.credentials.storeUrl;
  // The page stays frameable by the store's wp-admin and offers to reconnect (no dead end).
  return json(
    {
      disconnected: true as const,
      storeUrl,
      name: access.shop.name ?? store,
      reconnectUrl: `/woocommerce/connect?${new URLSearchParams({ store: storeUrl, locale: new URL(request.url).searchParams.get("locale") ?? "" })}`,
      keysToRevoke: keysShown(result.keysToRevoke),
    },
    { headers: wooAdminFrameHeaders(storeUrl) },
  );
};

/** The store's time zone (WordPress setting) for delivery estimates; null when the store cannot be read now. */
async function shopTimeZone(credentials: Parameters<typeof adapterFromCredentials>[0]): Promise<string | null> {
  try {
    return (await adapterFromCredentials(credentials, WOO_PAGE_READ).getShopProfile()).timezone;
  } catch {
    return null;
  }
}

/** After Disconnect the loader no longer authorises anyone: the action's framing (the store's origin) applies. */
export const shouldRevalidate = keepDataWhenOnlyTokenDropped;

export const headers: HeadersFunction = ({ actionHeaders, loaderHeaders }) => (actionHeaders.has("Content-Security-Policy") ? actionHeaders : loaderHeaders);

/**
 * A form of this page. Every action re-checks the session, which the page's requests carry in a
 * header (admin-session.ts); the store is in the URL, so access is decided before the body is read.
 */
function IntentForm({ intent, store, locale, children }: { intent: "scan" | "publish" | "disconnect"; store: string; locale: string; children: ReactNode }) {
  return (
    <Form method="post" action={wooAdminUrl("/woocommerce/admin", store, locale)}>
      <input type="hidden" name="intent" value={intent} />
      {children}
    </Form>
  );
}

/** One card of the page: a level-2 heading with its status badges, then the content. */
function SectionCard({ title, badges, children }: { title: string; badges: ReactNode; children: ReactNode }) {
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {title}
          </Text>
          {badges}
        </InlineStack>
        {children}
      </BlockStack>
    </Card>
  );
}

/** A card that only says what another Rassure page does and opens it. */
function LinkCard({ title, help, label, url }: { title: string; help: string; label: string; url: string }) {
  return (
    <SectionCard title={title} badges={null}>
      <Text as="p" tone="subdued">
        {help}
      </Text>
      <InlineStack gap="200">
        <Button url={url}>{label}</Button>
      </InlineStack>
    </SectionCard>
  );
}

type DisconnectedResult = Extract<NonNullable<ReturnType<typeof useActionData<typeof action>>>, { disconnected: true }>;

/** What the page shows once disconnected: the store, the keys left to revoke by hand, Reconnect. */
function Disconnected({ locale, result }: { locale: Locale; result: DisconnectedResult }) {
  const t = translator(locale);
  return (
    <StandalonePage locale={locale} title={t("woocommerce.admin.title")}>
      <SectionCard title={t("woocommerce.admin.connection")} badges={<Badge tone="critical">{t("woocommerce.admin.disconnected")}</Badge>}>
        <Text as="p">
          {t("woocommerce.admin.store")} : {result.name} ({result.storeUrl})
        </Text>
        <Text as="p">{t("woocommerce.admin.disconnectedBody")}</Text>
        <KeysToRevoke locale={locale} keys={result.keysToRevoke} />
        <InlineStack>
          {/* The connect flow goes to WooCommerce's approval screen: the whole window leaves wp-admin. */}
          <Button variant="primary" url={result.reconnectUrl} target="_top">
            {t("woocommerce.admin.reconnect")}
          </Button>
        </InlineStack>
      </SectionCard>
    </StandalonePage>
  );
}

export default function WooCommerceAdmin() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result && "disconnected" in result) return <Disconnected locale={data.locale} result={result} />;
  return (
    <WooAdminPage data={data} title={translator(data.locale)("woocommerce.admin.title")}>
      {(authorised) => <Overview data={authorised} />}
    </WooAdminPage>
  );
}

type Authorised = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { authorised: true }>;

function Overview({ data }: { data: Authorised }) {
  const t = translator(data.locale);
  const checklist = data.checklist;
  return (
    <StandalonePage locale={data.locale} title={t("woocommerce.admin.title")}>
      <BlockStack gap="400">
        <SectionCard
          title={t("woocommerce.admin.checklist")}
          badges={
            checklist.score !== null ? (
              <Badge tone={checklist.score >= 80 ? "success" : "attention"}>
                {t("woocommerce.admin.score", { score: checklist.score, grade: checklist.grade ?? "-" })}
              </Badge>
            ) : null
          }
        >
          {checklist.failed ? (
            <Banner tone="warning">
              <p>
                {t("woocommerce.admin.scanFailed", {
                  error: checklist.failed,
                })}
              </p>
            </Banner>
          ) : null}
          {checklist.score === null && !checklist.failed ? <Text as="p">{t("woocommerce.admin.noScan")}</Text> : null}
          {checklist.top.length > 0 ? (
            <BlockStack gap="200" as="ul">
              {checklist.top.map((item) => (
                <li key={item.id}>
                  <Text as="p" fontWeight="semibold">
                    {item.title[data.locale]}
                  </Text>
                  <Text as="p" tone="subdued">
                    {item.summary[data.locale]}{" "}
                    <Link url={item.fixUrl} target="_blank">
                      {t("woocommerce.admin.fix")}
                    </Link>
                  </Text>
                </li>
              ))}
            </BlockStack>
          ) : null}
          <InlineStack gap="200">
            <IntentForm intent="scan" store={data.store} locale={data.locale}>
              <Button submit variant="primary">
                {t("woocommerce.admin.runScan")}
              </Button>
            </IntentForm>
            <Button url={wooAdminUrl("/woocommerce/admin/checklist", data.store, data.locale)}>{t("woocommerce.admin.openChecklist")}</Button>
          </InlineStack>
        </SectionCard>
        <SectionCard
          title={t("woocommerce.admin.blocks")}
          badges={
            <Badge tone={data.blocks.publishedAt ? "success" : undefined}>
              {data.blocks.publishedAt
                ? t("woocommerce.admin.blocksPublished", { date: formatDate(data.locale, data.blocks.publishedAt, data.checklist.timeZone) })
                : t("woocommerce.admin.blocksNotPublished")}
            </Badge>
          }
        >
          <Text as="p" tone="subdued">
            {t("woocommerce.admin.blocksHelp")}
          </Text>
          {data.blocks.publishError ? (
            <Banner tone="warning">
              <p>{t("woocommerce.admin.blocksError", { error: data.blocks.publishError })}</p>
            </Banner>
          ) : null}
          <InlineStack gap="200">
            <Button variant="primary" url={wooAdminUrl("/woocommerce/admin/blocks", data.store, data.locale)}>
              {t("woocommerce.admin.editBlocks")}
            </Button>
            <IntentForm intent="publish" store={data.store} locale={data.locale}>
              <Button submit>{t("woocommerce.admin.publish")}</Button>
            </IntentForm>
          </InlineStack>
        </SectionCard>
        <LinkCard title={t("legal.title")} help={t("woocommerce.admin.legalHelp")} label={t("woocommerce.admin.openLegal")} url={wooAdminUrl("/woocommerce/admin/legal", data.store, data.locale)} />
        <LinkCard title={t("woocommerce.admin.alerts")} help={t("woocommerce.admin.alertsHelp")} label={t("woocommerce.admin.openAlerts")} url={wooAdminUrl("/woocommerce/admin/settings", data.store, data.locale)} />
        <SectionCard
          title={t("woocommerce.admin.connection")}
          badges={
            <>
              <Badge tone="success">{t("woocommerce.admin.connected")}</Badge>
              {data.https === false ? <Badge tone="warning">{t("woocommerce.admin.httpsOff")}</Badge> : null}
            </>
          }
        >
          <Text as="p">
            {t("woocommerce.admin.store")} : {data.name} ({data.storeUrl})
          </Text>
          {data.error ? (
            <Banner tone="warning">
              <p>
                {t("woocommerce.admin.storeUnreachable", {
                  error: data.error,
                })}
              </p>
            </Banner>
          ) : null}
          <IntentForm intent="disconnect" store={data.store} locale={data.locale}>
            <BlockStack gap="200">
              <Text as="p" tone="subdued">
                {t("woocommerce.admin.disconnectHelp")}
              </Text>
              <Button submit tone="critical">
                {t("woocommerce.admin.disconnect")}
              </Button>
            </BlockStack>
          </IntentForm>
        </SectionCard>
      </BlockStack>
    </StandalonePage>
  );
}
