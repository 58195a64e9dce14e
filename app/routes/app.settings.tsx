import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import { Banner, BlockStack, Button, Card, InlineGrid, Layout, Page, Select, Text } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { ShopifyAdapter } from "../../adapters/shopify";
import { AlertsSettingsSection } from "../alerts/AlertsSettingsSection";
import { alertsSectionAction, isAlertsIntent, loadAlertsSection } from "../alerts/settings-section.server";
import prisma from "../db.server";
import { readBoundedForm } from "../http/bounded-body.server";
import { useActionToast } from "../feedback/useActionToast";
import { formatDate, isLocale, useI18n } from "../i18n";
import { isJurisdiction, jurisdictionForCountry } from "../jurisdiction";
import { findShop } from "../shops.server";
import { authenticate } from "../shopify.server";
import { UnsavedChanges } from "../unsaved-changes/UnsavedChanges";

const AUTOMATIC = "auto";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  const shop = await findShop("shopify", session.shop);
  if (!shop) throw new Response("This shop is not installed.", { status: 404 });
  return {
    alerts: await loadAlertsSection({ platform: "shopify", shopDomain: session.shop }, () => new ShopifyAdapter(admin.graphql).getShopProfile()),
    countryCode: shop.countryCode,
    jurisdictionOverride: shop.jurisdictionOverride,
    locale: shop.locale,
    grantedScopes: (shop.grantedScopes ?? "").split(",").filter(Boolean),
    installedAt: shop.installedAt.toISOString(),
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  const form = await readBoundedForm(request);
  if (isAlertsIntent(form)) return alertsSectionAction({ platform: "shopify", shopDomain: session.shop }, form, () => new ShopifyAdapter(admin.graphql).getShopProfile());
  const jurisdiction = String(form.get("jurisdiction") ?? AUTOMATIC);
  const locale = String(form.get("locale") ?? AUTOMATIC);
  if ((jurisdiction !== AUTOMATIC && !isJurisdiction(jurisdiction)) || (locale !== AUTOMATIC && !isLocale(locale))) {
    return { ok: false as const };
  }
  await prisma.shop.update({
    where: { platform_domain: { platform: "shopify", domain: session.shop } },
    data: { jurisdictionOverride: jurisdiction === AUTOMATIC ? null : jurisdiction, locale: locale === AUTOMATIC ? null : locale },
  });
  return { ok: true as const };
};

export default function Settings() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const { t, locale } = useI18n();
  const saved = { jurisdiction: data.jurisdictionOverride ?? AUTOMATIC, locale: data.locale ?? AUTOMATIC };
  const [jurisdiction, setJurisdiction] = useState(saved.jurisdiction);
  const [language, setLanguage] = useState(saved.locale);
  // After a save the loader answers with what was stored: the form starts again from it.
  useEffect(() => {
    setJurisdiction(saved.jurisdiction);
    setLanguage(saved.locale);
  }, [saved.jurisdiction, saved.locale]);
  const dirty = jurisdiction !== saved.jurisdiction || language !== saved.locale;
  const saving = navigation.state === "submitting";

  useActionToast(result, (answer) => (answer.ok ? { message: t("settings.saved") } : null));

  const automaticRules = t(`jurisdiction.${jurisdictionForCountry(data.countryCode)}`);
  return (
    <Page title={t("settings.title")}>
      <TitleBar title={t("settings.title")} />
      <UnsavedChanges
        host="shopify-admin"
        dirty={dirty}
        saving={saving}
        onSave={() => submit({ jurisdiction, locale: language }, { method: "post" })}
        onDiscard={() => {
          setJurisdiction(saved.jurisdiction);
          setLanguage(saved.locale);
        }}
      />
      <Form method="post">
        <BlockStack gap="500">
          {result && !result.ok && <Banner tone="critical">{t("settings.invalid")}</Banner>}
          <Layout>
            <Layout.AnnotatedSection title={t("settings.rules.heading")} description={t("settings.rules.help")}>
              <Card>
                <Select
                  label={t("settings.rules.label")}
                  name="jurisdiction"
                  value={jurisdiction}
                  onChange={setJurisdiction}
                  options={[
                    { label: t("settings.rules.auto", { rules: automaticRules, country: data.countryCode ?? t("common.unknown") }), value: AUTOMATIC },
                    { label: t("jurisdiction.FR"), value: "FR" },
                    { label: t("jurisdiction.EU"), value: "EU" },
                    { label: t("jurisdiction.OTHER"), value: "OTHER" },
                  ]}
                />
              </Card>
            </Layout.AnnotatedSection>
            <Layout.AnnotatedSection title={t("settings.language.heading")}>
              <Card>
                <Select
                  label={t("settings.language.label")}
                  name="locale"
                  value={language}
                  onChange={setLanguage}
                  options={[
                    { label: t("settings.language.auto"), value: AUTOMATIC },
                    { label: "English", value: "en" },
                    { label: "Français", value: "fr" },
                  ]}
                />
              </Card>
            </Layout.AnnotatedSection>
            <Layout.AnnotatedSection title={t("settings.connection.heading")}>
              <Card>
                <BlockStack gap="200">
                  <InlineGrid columns={2} gap="200">
                    <Text as="span" tone="subdued">{t("settings.connection.platform")}</Text>
                    <Text as="span">Shopify</Text>
                    <Text as="span" tone="subdued">{t("settings.connection.since")}</Text>
                    <Text as="span">{formatDate(locale, data.installedAt)}</Text>
                    <Text as="span" tone="subdued">{t("settings.connection.scopes")}</Text>
                    <Text as="span" breakWord>{data.grantedScopes.join(", ")}</Text>
                  </InlineGrid>
                </BlockStack>
              </Card>
            </Layout.AnnotatedSection>
          </Layout>
          <Button submit variant="primary" loading={saving}>
            {t("settings.save")}
          </Button>
        </BlockStack>
      </Form>
      <AlertsSettingsSection data={data.alerts} />
    </Page>
  );
}
