/**
 * The alerts section of Settings: where alerts go (the shop's e-mail from the platform, or the
 * merchant's address), which ones, quiet hours, a test e-mail, and the recent alerts with what
 * became of each. Its own forms (through fetchers, so the rest of the page keeps its state),
 * posted to the page's action with an "alerts.*" intent.
 */
import { useFetcher } from "@remix-run/react";
import { Badge, Banner, BlockStack, Box, Button, Card, Checkbox, InlineStack, Layout, Link, Select, Text, TextField } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { useToast } from "../feedback/toast";
import { useI18n, type Locale, type MessageKey, type Translate } from "../i18n";
import { ALERT_KINDS, UNSENT_REASONS, type AlertKind, type DeliveryStatus } from "./kinds";
import { formatMinutes } from "./quiet-hours";
import type { AlertsActionResult, AlertsSectionData } from "./settings-section.server";

const HALF_HOURS = Array.from({ length: 48 }, (_, i) => i * 30);
const DEFAULT_QUIET = { start: 22 * 60, end: 7 * 60 };

const STATUS_TONE: Record<DeliveryStatus, "success" | "info" | "attention" | "warning" | "critical" | undefined> = {
  sent: "success",
  pending: "info",
  deferred: "info",
  retrying: "warning",
  failed: "critical",
  muted: undefined,
  unsent: "attention",
};

function dateTime(locale: Locale, iso: string) {
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

/** Known reason codes in the merchant's words; the mail server's own words otherwise. */
function reasonText(t: Translate, reason: string) {
  return (UNSENT_REASONS as readonly string[]).includes(reason) ? t(`alerts.reason.${reason}` as MessageKey) : reason;
}

/** In the app, a link of an alert e-mail opens as an app page (the admin URL is for the e-mail). */
function inAppPath(link: string): string | null {
  const path = /^https:\/\/[^/]+\/admin\/apps\/[^/]+(\/app[^#]*)$/.exec(link);
  return path ? path[1] : null;
}

function RecentAlerts({ recent }: { recent: AlertsSectionData["recent"] }) {
  const { t, locale } = useI18n();
  if (recent.length === 0) return <Text as="p" tone="subdued">{t("alerts.settings.none")}</Text>;
  return (
    <BlockStack gap="300" as="ul">
      {recent.map((alert) => {
        const path = inAppPath(alert.link);
        return (
          <Box as="li" key={alert.id} paddingBlockEnd="200" borderBlockEndWidth="025" borderColor="border-secondary">
            <BlockStack gap="100">
              <InlineStack align="space-between" blockAlign="center" gap="200">
                <Text as="span" fontWeight="semibold">{t(`alerts.kind.${alert.kind}` as MessageKey)}</Text>
                <Badge tone={STATUS_TONE[alert.status]}>{t(`alerts.status.${alert.status}` as MessageKey, { email: alert.recipient ?? "", date: alert.sendAfter ? dateTime(locale, alert.sendAfter) : "" })}</Badge>
              </InlineStack>
              <InlineStack gap="200">
                <Text as="span" tone="subdued">{dateTime(locale, alert.raisedAt)}</Text>
                {alert.reason && alert.status !== "sent" && <Text as="span" tone="subdued">{reasonText(t, alert.reason)}</Text>}
                {path && <Link url={path}>{t("alerts.settings.open")}</Link>}
              </InlineStack>
            </BlockStack>
          </Box>
        );
      })}
    </BlockStack>
  );
}

/** An answer that is not the section's own: the page refused the post (wp-admin: the session expired). */
const refusedAnswer = (answer: unknown) => Boolean(answer && typeof answer === "object" && !("intent" in answer));

/** `refusedText`: what to say when the page refuses a post (wp-admin's expired session). */
export function AlertsSettingsSection({ data, refusedText }: { data: AlertsSectionData; refusedText?: string }) {
  const { t, locale } = useI18n();
  const showToast = useToast();
  const save = useFetcher<AlertsActionResult>();
  const test = useFetcher<AlertsActionResult>();
  const [recipient, setRecipient] = useState(data.settings.recipient ?? "");
  const [enabled, setEnabled] = useState<Record<AlertKind, boolean>>(data.settings.enabled);
  const [quietOn, setQuietOn] = useState(data.settings.quietHours !== null);
  const [quiet, setQuiet] = useState(data.settings.quietHours ?? DEFAULT_QUIET);
  const saved = save.state === "idle" ? save.data : undefined;
  const tested = test.state === "idle" ? test.data : undefined;

  useEffect(() => {
    if (saved?.ok) showToast(t("alerts.settings.saved"));
  }, [saved, t, showToast]);
  useEffect(() => {
    if (tested?.ok && tested.intent === "alerts.test") showToast(t("alerts.settings.testSent", { email: tested.recipient }));
  }, [tested, t, showToast]);

  // The test goes where alerts go now: the saved address, else the shop's.
  const testAddress = data.settings.recipient ?? data.settings.platformEmail;
  const platformName = data.platform === "shopify" ? "Shopify" : "WooCommerce";
  const hourOptions = HALF_HOURS.map((m) => ({ label: formatMinutes(m), value: String(m) }));
  const invalid = saved && !saved.ok && saved.intent === "alerts.save" ? saved.field : null;
  const testFailure = tested && !tested.ok && tested.intent === "alerts.test" ? tested.reason : null;
  const refused = refusedAnswer(saved) || refusedAnswer(tested);

  return (
    <Box id="alerts-settings" paddingBlockStart="500">
      <Layout>
        <Layout.AnnotatedSection id="alerts" title={t("alerts.settings.heading")} description={t("alerts.settings.help")}>
          <BlockStack gap="400">
            {refused && refusedText && <Banner tone="critical">{refusedText}</Banner>}
            {!data.mailConfigured && <Banner tone="warning">{t("alerts.settings.noSmtp")}</Banner>}
            <Card>
              <save.Form method="post" noValidate>
                <input type="hidden" name="intent" value="alerts.save" />
                <input type="hidden" name="language" value={locale} />
                {ALERT_KINDS.filter((kind) => enabled[kind]).map((kind) => (
                  <input key={kind} type="hidden" name="enabled" value={kind} />
                ))}
                {quietOn && <input type="hidden" name="quiet" value="on" />}
                <BlockStack gap="400">
                  <TextField
                    label={t("alerts.settings.recipient")}
                    name="recipient"
                    type="email"
                    autoComplete="email"
                    value={recipient}
                    onChange={setRecipient}
                    helpText={data.settings.platformEmail ? t("alerts.settings.recipientHelp", { platform: platformName, email: data.settings.platformEmail }) : t("alerts.settings.recipientHelpUnknown", { platform: platformName })}
                    error={invalid === "recipient" ? t("alerts.settings.recipientInvalid") : undefined}
                  />
                  <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
                    <legend>
                      <Text as="span" fontWeight="medium">{t("alerts.settings.kinds")}</Text>
                    </legend>
                    <BlockStack gap="100">
                      {ALERT_KINDS.map((kind) => (
                        <Checkbox key={kind} label={t(`alerts.kind.${kind}`)} checked={enabled[kind]} onChange={(checked) => setEnabled({ ...enabled, [kind]: checked })} />
                      ))}
                    </BlockStack>
                  </fieldset>
                  <BlockStack gap="200">
                    <Checkbox label={t("alerts.settings.quiet")} checked={quietOn} onChange={setQuietOn} helpText={t("alerts.settings.quietHelp", { timezone: data.settings.timezone ?? "UTC" })} />
                    {quietOn && (
                      <InlineStack gap="300">
                        <Select label={t("alerts.settings.quietFrom")} name="quietStart" options={hourOptions} value={String(quiet.start)} onChange={(value) => setQuiet({ ...quiet, start: Number(value) })} />
                        <Select
                          label={t("alerts.settings.quietTo")}
                          name="quietEnd"
                          options={hourOptions}
                          value={String(quiet.end)}
                          onChange={(value) => setQuiet({ ...quiet, end: Number(value) })}
                          error={invalid === "quietHours" ? t("alerts.settings.quietInvalid") : undefined}
                        />
                      </InlineStack>
                    )}
                  </BlockStack>
                  <InlineStack>
                    <Button submit variant="primary" loading={save.state !== "idle"}>{t("alerts.settings.save")}</Button>
                  </InlineStack>
                </BlockStack>
              </save.Form>
            </Card>
            <Card>
              <BlockStack gap="300">
                {testFailure && <Banner tone="critical">{t("alerts.settings.testNotSent", { reason: reasonText(t, testFailure) })}</Banner>}
                <Text as="p">{testAddress ? t("alerts.settings.testHelp", { email: testAddress }) : t("alerts.settings.testHelpUnknown")}</Text>
                <test.Form method="post">
                  <input type="hidden" name="intent" value="alerts.test" />
                  <input type="hidden" name="language" value={locale} />
                  <Button submit loading={test.state !== "idle"}>{t("alerts.settings.test")}</Button>
                </test.Form>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="300">
                <Text as="h3" variant="headingSm">{t("alerts.settings.recent")}</Text>
                <RecentAlerts recent={data.recent} />
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.AnnotatedSection>
      </Layout>
    </Box>
  );
}
