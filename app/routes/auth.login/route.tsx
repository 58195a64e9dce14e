import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AppProvider, Button, Card, FormLayout, Page, Text, TextField } from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import polarisEnglish from "@shopify/polaris/locales/en.json";
import polarisFrench from "@shopify/polaris/locales/fr.json";
import { LoginErrorType } from "@shopify/shopify-app-remix/server";
import { useState } from "react";
import { readBoundedForm, withBody } from "../../http/bounded-body.server";
import { notFramedHeaders } from "../../http/frame-policy";
import { I18nProvider, negotiateLocale, translator, type Locale } from "../../i18n";
import { login } from "../../shopify.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

function localeOf(request: Request): Locale {
  return negotiateLocale({ acceptLanguage: request.headers.get("accept-language") });
}

function loginError(locale: Locale, errors: Awaited<ReturnType<typeof login>>) {
  const t = translator(locale);
  if (errors instanceof Response) return null;
  if (errors?.shop === LoginErrorType.MissingShop) return t("login.missingShop");
  if (errors?.shop === LoginErrorType.InvalidShop) return t("login.invalidShop");
  return null;
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const locale = localeOf(request);
  return { locale, error: loginError(locale, await login(request)) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  // The library reads the form itself: it gets a copy read within the form limit.
  const form = await readBoundedForm(request);
  return { error: loginError(localeOf(request), await login(withBody(request, form.toString()))) };
};

/** Opened on its own, never inside another site's frame. */
export const headers = notFramedHeaders;

export default function Auth() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [shop, setShop] = useState("");
  const t = translator(loaderData.locale);
  const error = actionData?.error ?? loaderData.error;
  return (
    <AppProvider i18n={loaderData.locale === "fr" ? polarisFrench : polarisEnglish}>
      <I18nProvider locale={loaderData.locale}>
        <Page narrowWidth>
          <Card>
            <Form method="post">
              <FormLayout>
                <Text variant="headingMd" as="h1">
                  {t("login.title")}
                </Text>
                <TextField type="text" name="shop" label={t("login.shopLabel")} helpText="example.myshopify.com" value={shop} onChange={setShop} autoComplete="on" error={error ?? undefined} />
                <Button submit variant="primary">
                  {t("login.submit")}
                </Button>
              </FormLayout>
            </Form>
          </Card>
        </Page>
      </I18nProvider>
    </AppProvider>
  );
}
