/** /woocommerce/return — back from WooCommerce's approval screen: verify the keys, set up webhooks, say what happened. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Text } from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { notFramedHeaders } from "../http/frame-policy";
import { negotiateLocale, translator } from "../i18n";
import { finishWooConnect } from "../woocommerce/connect.server";
import { keysShown } from "../woocommerce/key-revocation.server";
import { KeysToRevoke } from "../woocommerce/KeysToRevoke";
import { StandalonePage } from "../woocommerce/StandalonePage";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

/** Opened on its own (WooCommerce's approval screen is a top-level page too), never framed. */
export const headers = notFramedHeaders;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  const locale = negotiateLocale({ acceptLanguage: request.headers.get("accept-language") });
  const result = await finishWooConnect(url.searchParams);
  // Only what the page shows goes to the browser (never error internals of the store).
  return result.ok
    ? { locale, ok: true as const, name: result.name, webhooks: result.webhookTopics.length, httpOnly: result.httpOnly, pluginLinked: result.pluginLinked, keysToRevoke: keysShown(result.keysToRevoke), wpAdmin: `${result.storeUrl}/wp-admin/admin.php?page=rassure` }
    : { locale, ok: false as const, problem: result.problem, retry: `/woocommerce/connect${result.storeUrl ? `?store=${encodeURIComponent(result.storeUrl)}` : ""}` };
};

export default function WooCommerceReturn() {
  const data = useLoaderData<typeof loader>();
  const t = translator(data.locale);
  if (!data.ok) {
    return (
      <StandalonePage locale={data.locale} title={t("woocommerce.return.failedTitle")}>
        <Card>
          <BlockStack gap="300">
            <Banner tone="critical">
              <p>{t(`woocommerce.return.${data.problem}`)}</p>
            </Banner>
            <Button url={data.retry}>{t("woocommerce.return.retry")}</Button>
          </BlockStack>
        </Card>
      </StandalonePage>
    );
  }
  return (
    <StandalonePage locale={data.locale} title={t("woocommerce.return.connectedTitle", { name: data.name })}>
      <Card>
        <BlockStack gap="300">
          <Text as="p">{t("woocommerce.return.connectedBody", { count: data.webhooks })}</Text>
          <KeysToRevoke locale={data.locale} keys={data.keysToRevoke} />
          {data.httpOnly ? (
            <Banner tone="warning">
              <p>{t("woocommerce.return.httpOnly")}</p>
            </Banner>
          ) : null}
          {data.pluginLinked ? (
            <Button variant="primary" url={data.wpAdmin}>
              {t("woocommerce.return.openWpAdmin")}
            </Button>
          ) : (
            <Banner tone="info">
              <p>{t("woocommerce.return.pluginMissing")}</p>
            </Banner>
          )}
        </BlockStack>
      </Card>
    </StandalonePage>
  );
}
