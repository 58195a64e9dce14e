/**
 * `rassure scan`: the trust checklist for agencies and CI, without the admin.
 *
 *   rassure scan --shopify-dev-store                      the local dev store (offline)
 *   rassure scan --shopify SHOP --token TOKEN             a Shopify shop, Admin API access token
 *   rassure scan --woocommerce URL --key CK --secret CS   a WooCommerce store, REST API keys
 *   options: --json  --lang en|fr  --no-storefront
 *            --storefront URL --allow-private-storefront   (development: probe a local fixture)
 *
 * Prints a table (or JSON `{score, results:[{id, category, severity, status, title:{en,fr},
 * evidence, fix}]}`). Exit 0 whatever the findings; 1 with one clear line when the shop
 * cannot be scanned (bad credentials, unreachable store); 2 on bad usage.
 */
import type { ShopifyDevStore } from "../../dev/shopify-dev-store";
import type { PlatformAdapter } from "../../adapters/types";
import { collectSnapshot } from "../../app/checklist/collect";
import { evaluateChecklist } from "../../app/checklist/evaluate";
import type { ChecklistReport, Status } from "../../app/checklist/types";
import { translator, type MessageKey } from "../../app/i18n";
import type { CliCommand, CliIO } from "../command";
import { CliUsageError } from "../command";

const USAGE = `Usage: rassure scan (--shopify-dev-store | --shopify SHOP --token TOKEN | --woocommerce URL --key CK --secret CS)
                    [--json] [--lang en|fr] [--no-storefront] [--storefront URL --allow-private-storefront]`;

interface ScanArgs {
  target: { kind: "shopify-dev-store" } | { kind: "shopify"; shop: string; token: string } | { kind: "woocommerce"; url: string; key: string; secret: string };
  json: boolean;
  lang: "en" | "fr";
  probe: boolean;
  storefrontUrl: string | null;
  allowPrivate: boolean;
}

export function parseScanArgs(args: string[]): ScanArgs {
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  const VALUED = ["--shopify", "--token", "--woocommerce", "--key", "--secret", "--lang", "--storefront"];
  const FLAGS = ["--shopify-dev-store", "--json", "--no-storefront", "--allow-private-storefront", "--help"];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (VALUED.includes(arg)) {
      const value = args[++i];
      if (value === undefined || value.startsWith("--")) throw new CliUsageError(`${arg} needs a value.\n${USAGE}`);
      values[arg] = value;
    } else if (FLAGS.includes(arg)) flags.add(arg);
    else throw new CliUsageError(`unknown argument ${arg}.\n${USAGE}`);
  }
  if (flags.has("--help")) throw new CliUsageError(USAGE);
  const chosen = [flags.has("--shopify-dev-store"), "--shopify" in values, "--woocommerce" in values].filter(Boolean).length;
  if (chosen !== 1) throw new CliUsageError(`choose exactly one shop to scan.\n${USAGE}`);
  let target: ScanArgs["target"];
  if (flags.has("--shopify-dev-store")) target = { kind: "shopify-dev-store" };
  else if ("--shopify" in values) {
    if (!values["--token"]) throw new CliUsageError(`--shopify needs --token (an Admin API access token, shpat_…).\n${USAGE}`);
    target = { kind: "shopify", shop: values["--shopify"], token: values["--token"] };
  } else {
    if (!values["--key"] || !values["--secret"]) throw new CliUsageError(`--woocommerce needs --key and --secret (REST API keys, read access).\n${USAGE}`);
    target = { kind: "woocommerce", url: values["--woocommerce"], key: values["--key"], secret: values["--secret"] };
  }
  const lang = values["--lang"] ?? "en";
  if (lang !== "en" && lang !== "fr") throw new CliUsageError(`--lang is en or fr.\n${USAGE}`);
  if (flags.has("--allow-private-storefront") && !values["--storefront"]) throw new CliUsageError(`--allow-private-storefront only goes with --storefront URL (development).\n${USAGE}`);
  return {
    target,
    json: flags.has("--json"),
    lang,
    probe: !flags.has("--no-storefront"),
    storefrontUrl: values["--storefront"] ?? null,
    allowPrivate: flags.has("--allow-private-storefront"),
  };
}

/** An offline access token from the local dev store through Shopify's token-exchange request. */
export async function devStoreOfflineToken(store: ShopifyDevStore, app: { apiKey: string; apiSecret: string }): Promise<string> {
  const response = await store.fetch(`https://${store.shopDomain}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({
      client_id: app.apiKey,
      client_secret: app.apiSecret,
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token: store.mintSessionToken(),
      subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
      requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
    }),
  });
  if (!response.ok) throw new Error(`token exchange with the dev store failed: HTTP ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function connect(target: ScanArgs["target"]): Promise<{ adapter: PlatformAdapter; close(): Promise<void> }> {
  if (target.kind === "woocommerce") {
    const { WooCommerceAdapter } = await import("../../adapters/woocommerce");
    // The operator names the store and holds its keys (as with curl): not a merchant-supplied host the server would reach.
    const adapter = new WooCommerceAdapter({ storeUrl: target.url, consumerKey: target.key, consumerSecret: target.secret }, { allowPrivateAddresses: true });
    return { adapter, close: async () => undefined };
  }
  const { ShopifyAdapter } = await import("../../adapters/shopify");
  const { tokenAdminGraphql } = await import("../../adapters/shopify/checklist-token-graphql");
  if (target.kind === "shopify") return { adapter: new ShopifyAdapter(tokenAdminGraphql(target.shop, target.token)), close: async () => undefined };
  // Development only: the dev store runs in this process, with a throwaway app identity.
  const { startShopifyDevStore } = await import("../../dev/shopify-dev-store");
  const app = { apiKey: "rassure-cli-scan", apiSecret: "rassure-cli-scan-secret-development-only", appUrl: "http://127.0.0.1:9", handle: "rassure", scopes: ["read_legal_policies", "read_orders", "read_themes"] };
  const store = await startShopifyDevStore({ port: 0, app });
  const token = await devStoreOfflineToken(store, app);
  return { adapter: new ShopifyAdapter(tokenAdminGraphql(store.shopDomain, token, store.fetch)), close: () => store.close() };
}

/** The CLI's JSON shape: `{score, results:[{id, category, severity, status, title:{en,fr}, evidence, fix}]}`. */
export function reportJson(report: ChecklistReport) {
  return {
    score: report.score,
    grade: report.grade,
    label: report.label,
    platform: report.platform,
    jurisdiction: report.jurisdiction,
    results: report.results.map((r) => ({
      id: r.id,
      category: r.category,
      severity: r.severity,
      status: r.status,
      informative: r.informative,
      title: r.title,
      summary: r.summary,
      evidence: r.evidence,
      fix: r.fix,
    })),
  };
}

/** Short status marks of the table, in the report's language. */
const MARK: Record<"en" | "fr", Record<Status, string>> = {
  en: { pass: "PASS", manual_attested: "OK*", warning: "WARN", fail: "FAIL", manual_pending: "TODO", not_applicable: "N/A", error: "ERR" },
  fr: { pass: "OK", manual_attested: "OK*", warning: "VÉRIF", fail: "ÉCHEC", manual_pending: "À FAIRE", not_applicable: "S.O.", error: "ERR" },
};

const TO_DO = new Set<Status>(["fail", "warning", "manual_pending"]);

const STOREFRONT_STATUS: Record<"en" | "fr", Record<string, string>> = {
  en: { ok: "reached", unreachable: "unreachable", locked: "password-protected", refused: "refused (private address)" },
  fr: { ok: "jointe", unreachable: "injoignable", locked: "protégée par mot de passe", refused: "refusée (adresse privée)" },
};

/** The lines above the table: what the scan cost the platform and whether the storefront answered. */
function scanNotes(snapshot: Awaited<ReturnType<typeof collectSnapshot>>, lang: "en" | "fr"): string[] {
  const { requests, queryCost } = snapshot.facts.cost;
  const notes = [
    lang === "fr"
      ? `Requêtes à la plateforme : ${requests}${queryCost === null ? "" : ` (coût GraphQL ${queryCost})`}`
      : `Platform requests: ${requests}${queryCost === null ? "" : ` (GraphQL cost ${queryCost})`}`,
  ];
  const storefront = snapshot.storefront;
  if (storefront) {
    const status = STOREFRONT_STATUS[lang][storefront.status] ?? storefront.status;
    const detail = storefront.error ? ` (${storefront.error})` : "";
    notes.push(lang === "fr" ? `Vitrine ${storefront.origin} : ${status}${detail}` : `Storefront ${storefront.origin}: ${status}${detail}`);
  }
  return notes;
}

function printTable(report: ChecklistReport, lang: "en" | "fr", io: CliIO, notes: string[]) {
  const t = translator(lang);
  const head = lang === "fr" ? "Score de confiance" : "Trust score";
  const label = report.label === "good" ? (lang === "fr" ? "Bon" : "Good") : lang === "fr" ? "À améliorer" : "Needs attention";
  io.out(`${head}${lang === "fr" ? " :" : ":"} ${report.score ?? "-"}/100 (${report.grade ?? "-"}) — ${label}\n`);
  for (const note of notes) io.out(`${note}\n`);
  io.out("\n");
  const idWidth = Math.max(...report.results.map((r) => r.id.length));
  const marks = MARK[lang];
  const markWidth = Math.max(...Object.values(marks).map((m) => m.length));
  const severity = (value: string) => t(`checklist.severity.${value}` as MessageKey);
  const severityWidth = Math.max(...["critical", "recommended", "nice-to-have"].map((s) => severity(s).length));
  for (const category of report.byCategory) {
    io.out(`${t(`checklist.category.${category.category}` as MessageKey)} — ${category.done}/${category.total}${category.score === null ? "" : ` (${category.score})`}\n`);
    for (const r of report.results.filter((x) => x.category === category.category)) {
      io.out(`  ${marks[r.status].padEnd(markWidth)}  ${r.id.padEnd(idWidth)}  ${severity(r.severity).padEnd(severityWidth)} ${r.title[lang]}${r.informative ? " (info)" : ""}\n        ${r.summary[lang]}\n`);
      if (TO_DO.has(r.status)) io.out(`        → ${r.fix.adminUrl ?? r.fix.docsUrl}\n`);
    }
  }
}

const command: CliCommand = {
  async run(args, io) {
    const options = parseScanArgs(args);
    const { adapter, close } = await connect(options.target);
    try {
      const snapshot = await collectSnapshot(adapter, {
        probe: options.probe,
        storefrontUrl: options.storefrontUrl ?? undefined,
        probeOptions: { allowPrivateAddresses: options.allowPrivate },
      });
      const report = evaluateChecklist(snapshot);
      if (options.json) io.out(`${JSON.stringify(reportJson(report), null, 2)}\n`);
      else {
        printTable(report, options.lang, io, scanNotes(snapshot, options.lang));
      }
      return 0;
    } finally {
      await close();
    }
  },
};

export default command;
