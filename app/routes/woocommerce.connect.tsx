/** /woocommerce/connect — the merchant types the store address; Rassure checks it and sends them to WooCommerce's approval screen. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, FormLayout, Text, TextField } from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { useState } from "react";
import { readBoundedForm } from "../http/bounded-body.server";
import { notFramedHeaders } from "../http/frame-policy";
import { negotiateLocale, translator } from "../i18n";
import { beginWooConnect } from "../woocommerce/connect.server";
import { StandalonePage } from "../woocommerce/StandalonePage";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

/** Opened on its own (WooCommerce's approval screen is a top-level page too), never framed. */
export const headers = notFramedHeaders;

function localeOf(request: Request) {
  return negotiateLocale({ chosen: new URL(request.url).searchParams.get("locale"), acceptLanguage: request.headers.get("accept-language") });
}

/** Longer than any store address (browsers cap URLs near 2,000 characters). */
const MAX_ECHOED_ADDRESS = 2_048;

export const loader = ({ request }: LoaderFunctionArgs) => ({ locale: localeOf(request), store: new URL(request.url).searchParams.get("store") ?? "" });

export const action = async ({ request }: ActionFunctionArgs) => {
  // Unauthenticated: a form of one address, read within a few KB, and only an address's worth echoed.
  const form = await readBoundedForm(request);
  const input = form.get("store") ?? "";
  const result = await beginWooConnect(input);
  if (result.ok) return redirect(result.authorizeUrl);
  return { problem: result.problem, store: input.slice(0, MAX_ECHOED_ADDRESS) };
};

export default function ConnectWooCommerce() {
  const { locale, store: initial } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = translator(locale);
  const [store, setStore] = useState(result?.store ?? initial);
  return (
    <StandalonePage locale={locale} title={t("woocommerce.connect.title")}>
      <Card>
        <Form method="post">
          <FormLayout>
            <BlockStack gap="300">
              <Text as="p">{t("woocommerce.connect.intro")}</Text>
              {result?.problem ? (
                <Banner tone="critical">
                  <p>{t(`woocommerce.problem.${result.problem}`)}</p>
                </Banner>
              ) : null}
              <TextField label={t("woocommerce.connect.storeLabel")} name="store" type="text" inputMode="url" value={store} onChange={setStore} autoComplete="url" placeholder="https://www.ma-boutique.fr" />
              <Button submit variant="primary">
                {t("woocommerce.connect.submit")}
              </Button>
            </BlockStack>
          </FormLayout>
        </Form>
      </Card>
    </StandalonePage>
  );
}
