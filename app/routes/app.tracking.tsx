import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import { Badge, Banner, BlockStack, Button, Card, Checkbox, FormLayout, IndexTable, InlineStack, Layout, Link, Page, Select, Text, TextField } from "@shopify/polaris";
import { useEffect, useState, type ReactNode } from "react";
import { useActionToast } from "../feedback/useActionToast";
import { UnsavedChanges } from "../unsaved-changes/UnsavedChanges";
import { ShopifyAdapter, ShopifyGraphqlError } from "../../adapters/shopify";
import { recordedTimeZone } from "../checklist/scan.server";
import prisma from "../db.server";
import { readBoundedForm } from "../http/bounded-body.server";
import { formatDate, useI18n, type MessageKey } from "../i18n";
import { authenticate } from "../shopify.server";
import { kickTrackingWorker } from "../tracking/jobs.server";
import { openStoredReads, readNow } from "../platform-reads/stored-reads.server";
import { readersFor } from "../platform-reads/readers.server";
import { StoredReadAge, StoredReadFailure, useStoredReadsRefresh } from "../platform-reads/StoredReadStatus";
import { fixAllRecent, shipmentRowsOf, type FixAllResult, type LinkStatus } from "../tracking/overview.server";
import { CARRIERS, REGISTRY_VERSION } from "../tracking/registry";
import {
  addCustomCarrier,
  carrierChoicesOf,
  getTrackingSettings,
  listCarrierOverrides,
  listCustomCarriers,
  removeCarrierOverride,
  removeCustomCarrier,
  saveTrackingSettings,
  setCarrierOverride,
  type ShopRef,
} from "../tracking/settings.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const shop: ShopRef = { platform: "shopify", shopDomain: session.shop };
  void kickTrackingWorker(); // jobs left waiting (retries, a restart) run while the merchant looks
  // Shipment dates read in the shop's time zone (the one the checklist's scans recorded), not the server's.
  // The shipments as Rassure read them last (read now only the first time), refreshed in the background.
  const [settings, overrides, customCarriers, timeZone, { reads, pending }] = await Promise.all([
    getTrackingSettings(shop),
    listCarrierOverrides(shop),
    listCustomCarriers(shop),
    recordedTimeZone(prisma, shop),
    openStoredReads(shop, readersFor(new ShopifyAdapter(admin.graphql), ["recent-shipments"])),
  ]);
  const shipments = reads["recent-shipments"];
  const rows = await shipmentRowsOf(shop, shipments.facts ?? [], carrierChoicesOf(overrides, customCarriers));
  return {
    rows,
    timeZone,
    shipments: { readAt: shipments.readAt, error: shipments.error },
    pending,
    settings,
    overrides: overrides.map((o) => ({ id: o.id, company: o.company, carrierRef: o.carrierRef })),
    customCarriers: customCarriers.map((c) => ({ id: c.id, name: c.name, urlTemplate: c.urlTemplate })),
    registry: { version: REGISTRY_VERSION, carriers: CARRIERS.map((c) => ({ id: c.id, name: c.name })) },
  };
};

/** The page's form as one save: which parts were stored, and why a part was refused (kept in the form to correct). */
interface SaveAnswer {
  intent: "save";
  ok: boolean;
  saved: { override: boolean; custom: boolean };
  problems: { override?: string; custom?: string };
}

type ActionResult =
  | { intent: "fix-all"; ok: true; result: FixAllResult }
  | SaveAnswer
  | { intent: string; ok: true }
  | { intent: string; ok: false; problem: string };

export const action = async ({ request }: ActionFunctionArgs): Promise<ActionResult> => {
  const { admin, session } = await authenticate.admin(request);
  const shop: ShopRef = { platform: "shopify", shopDomain: session.shop };
  const form = await readBoundedForm(request);
  const intent = String(form.get("intent") ?? "");
  const field = (name: string) => String(form.get(name) ?? "");
  switch (intent) {
    case "fix-all":
      try {
        const adapter = new ShopifyAdapter(admin.graphql);
        const result = await fixAllRecent(shop, adapter);
        // The links Rassure just wrote: the page that follows shows them from a read made after.
        await readNow(shop, readersFor(adapter, ["recent-shipments"]));
        return { intent, ok: true, result };
      } catch (thrown) {
        if (thrown instanceof ShopifyGraphqlError) return { intent, ok: false, problem: thrown.message };
        throw thrown;
      }
    case "save": {
      // The settings, then the carrier the merchant typed (if any) and the override (if any).
      await saveTrackingSettings(shop, { autoFix: form.get("autoFix") === "on", notifyCustomer: form.get("notifyCustomer") === "on" });
      const custom = form.has("name") ? await addCustomCarrier(shop, field("name"), field("urlTemplate")) : null;
      const override = form.has("company") ? await setCarrierOverride(shop, field("company"), field("carrierRef")) : null;
      const problems = { ...(custom && !custom.ok ? { custom: custom.problem } : {}), ...(override && !override.ok ? { override: override.problem } : {}) };
      return { intent, ok: !problems.custom && !problems.override, saved: { custom: !!custom?.ok, override: !!override?.ok }, problems };
    }
    case "remove-custom":
      await removeCustomCarrier(shop, field("id"));
      return { intent, ok: true };
    case "remove-override":
      await removeCarrierOverride(shop, field("id"));
      return { intent, ok: true };
    default:
      throw new Response("Unknown action.", { status: 400 });
  }
};

const STATUS_TONE: Record<LinkStatus, "success" | "info" | "warning" | "critical" | undefined> = {
  ok: "success",
  fixed: "info",
  "needs-fix": "warning",
  "missing-number": "critical",
  "invalid-number": "critical",
  "unknown-carrier": "warning",
  cancelled: undefined,
  "several-parcels": undefined,
};

function ProblemBanner({ problem }: { problem: string | undefined }) {
  const { t } = useI18n();
  if (!problem) return null;
  const key = `tracking.problem.${problem}` as MessageKey;
  const known = key in translatedKeys;
  return <Banner tone="critical">{known ? t(key) : problem}</Banner>;
}

/** The problem an answer reports for one part of the page (a save's part, or another action's own). */
function problemOf(result: ActionResult | undefined, part: "fix-all" | "custom" | "override"): string | undefined {
  if (!result) return undefined;
  if ("problems" in result) return part === "fix-all" ? undefined : result.problems[part];
  return result.intent === part && !result.ok && "problem" in result ? result.problem : undefined;
}

// The problems the catalog explains; anything else (Shopify's own message) is shown as it is.
const translatedKeys = Object.fromEntries(
  ["not-https", "no-number", "unknown-placeholder", "placeholder-in-host", "forbidden-characters", "invalid-url", "too-long", "name-missing", "name-too-long", "name-taken", "too-many", "company-missing", "unknown-carrier"].map((p) => [`tracking.problem.${p}`, true]),
);

/** Saved items, each with its own small form to remove it (works without JavaScript too). */
function RemovableList({ items, intent, emptyText }: { items: Array<{ id: string; label: string; content: ReactNode }>; intent: string; emptyText: string }) {
  if (items.length === 0) {
    return (
      <Text as="p" tone="subdued">
        {emptyText}
      </Text>
    );
  }
  return items.map((item) => (
    <Form method="post" key={item.id}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={item.id} />
      <InlineStack align="space-between" blockAlign="center" gap="200">
        {item.content}
        <Button submit variant="plain" tone="critical" accessibilityLabel={item.label}>
          ✕
        </Button>
      </InlineStack>
    </Form>
  ));
}

export default function Tracking() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useI18n();
  useStoredReadsRefresh(data.pending);
  const busy = (intent: string) => navigation.state !== "idle" && navigation.formData?.get("intent") === intent;
  const submit = useSubmit();
  const [autoFix, setAutoFix] = useState(data.settings.autoFix);
  const [notify, setNotify] = useState(data.settings.notifyCustomer);
  // After a save the loader answers with what was stored: the form starts again from it.
  useEffect(() => {
    setAutoFix(data.settings.autoFix);
    setNotify(data.settings.notifyCustomer);
  }, [data.settings.autoFix, data.settings.notifyCustomer]);
  const defaultCarrierRef = `registry:${data.registry.carriers[0]?.id ?? ""}`;
  const [company, setCompany] = useState("");
  const [carrierRef, setCarrierRef] = useState(defaultCarrierRef);
  const [customName, setCustomName] = useState("");
  const [template, setTemplate] = useState("");

  // One form for the save bar: the settings, the override being typed and the carrier being added.
  const settingsDirty = autoFix !== data.settings.autoFix || notify !== data.settings.notifyCustomer;
  const overrideDirty = company !== "" || carrierRef !== defaultCarrierRef;
  const customDirty = customName !== "" || template !== "";
  const discard = () => {
    setAutoFix(data.settings.autoFix);
    setNotify(data.settings.notifyCustomer);
    setCompany("");
    setCarrierRef(defaultCarrierRef);
    setCustomName("");
    setTemplate("");
  };
  const save = () =>
    submit(
      {
        intent: "save",
        ...(autoFix ? { autoFix: "on" } : {}),
        ...(notify ? { notifyCustomer: "on" } : {}),
        ...(overrideDirty ? { company, carrierRef } : {}),
        ...(customDirty ? { name: customName, urlTemplate: template } : {}),
      },
      { method: "post" },
    );
  const saving = busy("save");
  useActionToast(result, (answer) => ("problems" in answer && answer.ok ? { message: t("tracking.settings.saved") } : null));

  // A part the server stored leaves the form; a refused one stays there to correct.
  useEffect(() => {
    if (!result || !("saved" in result)) return;
    if (result.saved.custom) {
      setCustomName("");
      setTemplate("");
    }
    if (result.saved.override) {
      setCompany("");
      setCarrierRef(defaultCarrierRef);
    }
  }, [result, defaultCarrierRef]);

  const carrierOptions = [
    ...data.customCarriers.map((c) => ({ label: c.name, value: `custom:${c.id}` })),
    ...data.registry.carriers.map((c) => ({ label: c.name, value: `registry:${c.id}` })),
  ];
  const carrierLabel = (ref: string) => carrierOptions.find((o) => o.value === ref)?.label ?? ref;
  const fixAll = result && result.intent === "fix-all" && result.ok && "result" in result ? result.result : null;
  const needsFix = data.rows.some((r) => r.status === "needs-fix");

  return (
    <Page title={t("tracking.title")}>
      <TitleBar title={t("tracking.title")} />
      <UnsavedChanges host="shopify-admin" dirty={settingsDirty || overrideDirty || customDirty} saving={saving} onSave={save} onDiscard={discard} />
      <BlockStack gap="500">
        <Text as="p" tone="subdued">
          {t("tracking.intro")}
        </Text>
        <StoredReadFailure platform="Shopify" reads={[data.shipments]} />
        <ProblemBanner problem={problemOf(result, "fix-all")} />
        {fixAll && (
          <Banner tone={fixAll.failed > 0 ? "warning" : "success"}>
            <BlockStack gap="100">
              <Text as="p">{fixAll.queued === 0 ? t("tracking.fixAll.nothing") : t("tracking.fixAll.done", { fixed: fixAll.fixed, queued: fixAll.queued })}</Text>
              {fixAll.failed > 0 && <Text as="p">{t("tracking.fixAll.failed", { failed: fixAll.failed })}</Text>}
            </BlockStack>
          </Banner>
        )}
        <Layout>
          <Layout.Section>
            <Card padding="0">
              <BlockStack gap="300">
                <InlineStack align="space-between" blockAlign="center" gap="300" wrap>
                  <div style={{ padding: "var(--p-space-400) var(--p-space-400) 0" }}>
                    <Text as="h2" variant="headingMd">
                      {t("tracking.recent.heading")}
                    </Text>
                    <StoredReadAge read={data.shipments} />
                  </div>
                  <div style={{ padding: "var(--p-space-400) var(--p-space-400) 0" }}>
                    <Form method="post">
                      <input type="hidden" name="intent" value="fix-all" />
                      <Button submit variant="primary" disabled={!needsFix} loading={busy("fix-all")} accessibilityLabel={t("tracking.recent.fixAllHelp")}>
                        {t("tracking.recent.fixAll")}
                      </Button>
                    </Form>
                  </div>
                </InlineStack>
                <IndexTable
                  resourceName={{ singular: t("tracking.col.shipment"), plural: t("tracking.recent.heading") }}
                  itemCount={data.rows.length}
                  selectable={false}
                  emptyState={<Text as="p" alignment="center">{t("tracking.recent.empty")}</Text>}
                  headings={[
                    { title: t("tracking.col.order") },
                    { title: t("tracking.col.carrier") },
                    { title: t("tracking.col.number") },
                    { title: t("tracking.col.status") },
                    { title: t("tracking.col.link") },
                  ]}
                >
                  {data.rows.map((row, index) => (
                    <IndexTable.Row id={row.id} key={row.id} position={index}>
                      <IndexTable.Cell>
                        <BlockStack gap="050">
                          <Text as="span" fontWeight="semibold">
                            {row.name}
                          </Text>
                          <Text as="span" tone="subdued" variant="bodySm">
                            {formatDate(locale, row.createdAt, data.timeZone)}
                          </Text>
                        </BlockStack>
                      </IndexTable.Cell>
                      <IndexTable.Cell>{row.company ?? row.carrierName ?? "—"}</IndexTable.Cell>
                      <IndexTable.Cell>{row.number ?? "—"}</IndexTable.Cell>
                      <IndexTable.Cell>
                        <Badge tone={STATUS_TONE[row.status]}>{t(`tracking.status.${row.status}` as MessageKey)}</Badge>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        {row.url ? (
                          <Link url={row.url} target="_blank" accessibilityLabel={`${t("tracking.link.open")} ${row.number ?? ""}`}>
                            {t("tracking.link.open")}
                          </Link>
                        ) : (
                          <Text as="span" tone="subdued">
                            {t("tracking.link.none")}
                          </Text>
                        )}
                      </IndexTable.Cell>
                    </IndexTable.Row>
                  ))}
                </IndexTable>
              </BlockStack>
            </Card>
          </Layout.Section>

          <Layout.AnnotatedSection title={t("tracking.settings.heading")} description={t(autoFix ? "tracking.settings.autoFixOn" : "tracking.settings.autoFixOff")}>
            <Card>
              <FormLayout>
                <Checkbox label={t("tracking.settings.autoFix")} name="autoFix" checked={autoFix} onChange={setAutoFix} />
                <Checkbox label={t("tracking.settings.notify")} name="notifyCustomer" checked={notify} onChange={setNotify} />
                <Button onClick={save} loading={saving} disabled={!settingsDirty}>
                  {t("tracking.settings.save")}
                </Button>
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>

          <Layout.AnnotatedSection title={t("tracking.overrides.heading")} description={t("tracking.overrides.help")}>
            <Card>
              <BlockStack gap="400">
                <RemovableList
                  emptyText={t("tracking.overrides.empty")}
                  intent="remove-override"
                  items={data.overrides.map((o) => ({
                    id: o.id,
                    label: t("tracking.overrides.remove", { company: o.company }),
                    content: <Text as="span">{`${o.company} → ${carrierLabel(o.carrierRef)}`}</Text>,
                  }))}
                />
                <ProblemBanner problem={problemOf(result, "override")} />
                <FormLayout>
                  <TextField label={t("tracking.overrides.company")} name="company" value={company} onChange={setCompany} autoComplete="off" maxLength={80} />
                  <Select label={t("tracking.overrides.carrier")} name="carrierRef" options={carrierOptions} value={carrierRef} onChange={setCarrierRef} />
                  <Button onClick={save} loading={saving} disabled={!overrideDirty}>
                    {t("tracking.overrides.add")}
                  </Button>
                </FormLayout>
              </BlockStack>
            </Card>
          </Layout.AnnotatedSection>

          <Layout.AnnotatedSection title={t("tracking.custom.heading")} description={t("tracking.custom.help")}>
            <Card>
              <BlockStack gap="400">
                <RemovableList
                  emptyText={t("tracking.custom.empty")}
                  intent="remove-custom"
                  items={data.customCarriers.map((c) => ({
                    id: c.id,
                    label: t("tracking.custom.remove", { name: c.name }),
                    content: (
                      <BlockStack gap="050">
                        <Text as="span" fontWeight="semibold">
                          {c.name}
                        </Text>
                        <Text as="span" tone="subdued" variant="bodySm" breakWord>
                          {c.urlTemplate}
                        </Text>
                      </BlockStack>
                    ),
                  }))}
                />
                <ProblemBanner problem={problemOf(result, "custom")} />
                <FormLayout>
                  <TextField label={t("tracking.custom.name")} name="name" value={customName} onChange={setCustomName} autoComplete="off" maxLength={80} />
                  <TextField
                    label={t("tracking.custom.template")}
                    name="urlTemplate"
                    value={template}
                    onChange={setTemplate}
                    autoComplete="off"
                    type="url"
                    helpText={t("tracking.custom.templateHelp")}
                    maxLength={500}
                  />
                  <Button onClick={save} loading={saving} disabled={!customDirty}>
                    {t("tracking.custom.add")}
                  </Button>
                </FormLayout>
                <Text as="p" tone="subdued" variant="bodySm">
                  {t("tracking.custom.registry", { version: data.registry.version, count: data.registry.carriers.length })}
                </Text>
              </BlockStack>
            </Card>
          </Layout.AnnotatedSection>
        </Layout>
      </BlockStack>
    </Page>
  );
}
