import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import { Badge, Banner, BlockStack, Box, Card, InlineGrid, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { ShopifyAdapter } from "../../adapters/shopify";
import type { LegalPolicyType, ShopProfile } from "../../adapters/types";
import { readersFor } from "../platform-reads/readers.server";
import { openStoredReads } from "../platform-reads/stored-reads.server";
import { StoredReadAge, StoredReadFailure, useStoredReadsRefresh } from "../platform-reads/StoredReadStatus";
import { effectiveJurisdiction } from "../jurisdiction";
import { formatDate, useI18n } from "../i18n";
import { shopifyAdminUrl } from "../../adapters/shopify/admin-links";
import { findShop } from "../shops.server";
import { authenticate } from "../shopify.server";
import { ChecklistHomeCard } from "../checklist/HomeCard";
import { homeChecklistSummary } from "../checklist/home.server";
import { JobFailuresBanner } from "../jobs/FailuresBanner";
import { shopJobFailures } from "../jobs/failures.server";
import { jobQueue } from "../jobs/runtime.server";
import { LiveStatusCard } from "../home/LiveStatusCard";
import { loadLiveStatus } from "../home/live-status.server";
import { SetupGuide } from "../home/SetupGuide";
import { loadSetupGuide, setSetupGuideHidden } from "../home/setup-guide.server";
import { SETUP_GUIDE_INTENT } from "../home/setup-steps";
import { appEnvironment } from "../env.server";
import { readBoundedForm } from "../http/bounded-body.server";

// The policy types a merchant sells under; SUBSCRIPTION_POLICY only matters to subscription shops.
const POLICY_TYPES: LegalPolicyType[] = ["TERMS_OF_SALE", "LEGAL_NOTICE", "PRIVACY_POLICY", "REFUND_POLICY", "SHIPPING_POLICY", "CONTACT_INFORMATION", "TERMS_OF_SERVICE"];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const shop = await findShop("shopify", session.shop);
  const installedAt = shop?.installedAt.toISOString() ?? null;
  const jurisdiction = shop ? effectiveJurisdiction(shop) : null;
  const adapter = new ShopifyAdapter(admin.graphql);
  // Shopify's facts as Rassure read them last (read now only the first time), refreshed in the background.
  const [checklist, jobFailures, { reads, pending }] = await Promise.all([
    homeChecklistSummary(session.shop),
    shopJobFailures(jobQueue.store, { platform: "shopify", shopDomain: session.shop }),
    openStoredReads({ platform: "shopify", shopDomain: session.shop }, readersFor(adapter, ["shop-profile", "theme-embed"])),
  ]);
  const live = await loadLiveStatus(shop, reads["theme-embed"]);
  const profileRead = reads["shop-profile"];
  const setupGuide = shop ? await loadSetupGuide(shop, { live, scannedAt: checklist.evaluatedAt, apiKey: appEnvironment().shopifyApiKey }) : null;
  return { profile: profileRead.facts, error: profileRead.error, profileReadAt: profileRead.readAt, pending, installedAt, jurisdiction, checklist, live, jobFailures, setupGuide };
};

/** Home's one form: hide the setup guide, or show it again. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await readBoundedForm(request);
  if (form.get("intent") !== SETUP_GUIDE_INTENT) throw new Response("Unknown action.", { status: 400 });
  await setSetupGuideHidden(session.shop, form.get("hidden") === "true");
  return { ok: true };
};

function policyStatus(profile: ShopProfile, type: LegalPolicyType): "published" | "empty" | "missing" {
  const policy = profile.policies.find((p) => p.type === type);
  if (!policy) return "missing";
  return policy.isEmpty ? "empty" : "published";
}

export default function Home() {
  const { profile, error, profileReadAt, pending, installedAt, jurisdiction, checklist, live, jobFailures, setupGuide } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  useStoredReadsRefresh(pending);

  if (!profile) {
    return (
      <Page>
        <TitleBar title={t("home.title")} />
        <Banner tone="critical">{t("home.apiError", { message: error ?? "" })}</Banner>
      </Page>
    );
  }

  const published = POLICY_TYPES.filter((type) => policyStatus(profile, type) === "published").length;
  const facts: Array<[string, React.ReactNode]> = [
    [t("home.shop.name"), profile.name],
    [t("home.shop.domain"), profile.domain],
    [
      t("home.shop.storefront"),
      <InlineStack key="sf" gap="200" blockAlign="center">
        <Text as="span">{profile.storefrontUrl}</Text>
        <Badge tone={profile.storefrontHttps ? "success" : "critical"}>{profile.storefrontHttps ? t("home.shop.https") : t("home.shop.noHttps")}</Badge>
      </InlineStack>,
    ],
    [t("home.shop.country"), profile.countryCode ?? t("common.unknown")],
    [t("home.shop.rules"), jurisdiction ? t(`jurisdiction.${jurisdiction}`) : t("common.unknown")],
    [t("home.shop.currency"), profile.currencyCode],
    [t("home.shop.plan"), profile.planName ?? t("common.unknown")],
    [t("home.shop.installed"), installedAt ? formatDate(locale, installedAt, profile.timezone) : t("common.unknown")],
  ];

  return (
    <Page>
      <TitleBar title={t("home.title")} />
      <BlockStack gap="500">
        <Banner tone="success">{t("home.connected", { shop: profile.name })}</Banner>
        <StoredReadFailure platform="Shopify" reads={[{ readAt: profileReadAt, error }, { readAt: live.themeReadAt, error: live.theme ? live.themeError : null }]} />
        <JobFailuresBanner failures={jobFailures} />
        {setupGuide && <SetupGuide guide={setupGuide} timeZone={profile.timezone} />}
        <Layout>
          <Layout.Section>
            <Card>
              <BlockStack gap="300">
                <InlineStack align="space-between" blockAlign="center">
                  <Text as="h2" variant="headingMd">
                    {t("home.policies.heading")}
                  </Text>
                  <Badge tone={published === POLICY_TYPES.length ? "success" : "attention"}>{t("home.policies.summary", { published, total: POLICY_TYPES.length })}</Badge>
                </InlineStack>
                <Text as="p" tone="subdued">
                  {t("home.policies.intro")}
                </Text>
                <StoredReadAge read={{ readAt: profileReadAt }} />
                <BlockStack gap="200">
                  {POLICY_TYPES.map((type) => {
                    const status = policyStatus(profile, type);
                    return (
                      <Box key={type} paddingBlock="100" borderBlockEndWidth="025" borderColor="border-secondary">
                        <InlineStack align="space-between" blockAlign="center">
                          <Text as="span">{t(`policy.${type}`)}</Text>
                          <Badge tone={status === "published" ? "success" : status === "empty" ? "warning" : "critical"}>{t(`home.policies.${status}`)}</Badge>
                        </InlineStack>
                      </Box>
                    );
                  })}
                </BlockStack>
                <InlineStack>
                  <a href={shopifyAdminUrl(profile.domain, "settings/legal")} target="_top" rel="noreferrer">
                    {t("home.policies.edit")}
                  </a>
                </InlineStack>
              </BlockStack>
            </Card>
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <BlockStack gap="500">
              <ChecklistHomeCard summary={checklist} />
              <Card>
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">
                    {t("home.shop.heading")}
                  </Text>
                  {facts.map(([label, value]) => (
                    <InlineGrid key={label} columns={2} gap="200">
                      <Text as="span" tone="subdued">
                        {label}
                      </Text>
                      {typeof value === "string" ? (
                        <Text as="span" breakWord>
                          {value}
                        </Text>
                      ) : (
                        value
                      )}
                    </InlineGrid>
                  ))}
                </BlockStack>
              </Card>
              <LiveStatusCard status={live} timeZone={profile.timezone} />
            </BlockStack>
          </Layout.Section>
        </Layout>
      </BlockStack>
    </Page>
  );
}
