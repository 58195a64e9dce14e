/**
 * The legal drafts page, for both admins (Shopify's app.legal and the WooCommerce page in
 * wp-admin): what each legal text lacks according to the latest scan, the merchant's company
 * details, a draft per text filled from the shop's facts, and the actions — save the details,
 * save a draft, publish (never over an existing text without the merchant's explicit choice,
 * the replaced text kept), restore a previous text. A publication starts a re-scan, so the
 * checklist items turn green from what the lint now finds.
 */
import type { PlatformChecklistFacts, ShopSnapshot } from "../../adapters/checklist-snapshot";
import type { LegalTextKind, PlatformAdapter } from "../../adapters/types";
import { lint, LEXICONS } from "../checklist/policy-lint";
import type { ShopRef } from "../checklist/scan.server";
import prisma from "../db.server";
import { log } from "../logger.server";
import { translator, type Locale } from "../i18n";
import { LEGAL_TEMPLATES, LEGAL_TEXT_KINDS, renderTemplate, sectionsFor, type Draft, type DraftFacts, type DraftLocale } from "./drafts";
import { EMPTY_IDENTITY, IDENTITY_FIELDS, withDefaults, type IdentityField, type IdentityProblem, type LegalIdentityFields } from "./identity";
import { loadIdentity, saveIdentity } from "./identity.server";
import { hasMissingMarks, sanitizeLegalHtml } from "./sanitize-html";
import { diffTexts, type DiffLine } from "./text-diff";

type LegalAdapter = Pick<PlatformAdapter, "platform" | "keepsLegalDrafts" | "readLegalText" | "saveLegalText" | "collectChecklistFacts">;

/** What the latest scan says of a text: none published, published but lacking elements, or complete. */
export type TextStatus = { kind: LegalTextKind; state: "missing" | "incomplete" | "complete"; missing: string[]; url: string | null };

export type DraftMode = "full" | "missing";

export interface DraftView {
  kind: LegalTextKind;
  locale: DraftLocale;
  mode: DraftMode;
  title: string;
  html: string;
  missingFields: IdentityField[];
  /** The text the shop shows now ("" when none), and what publishing would change. */
  currentHtml: string;
  currentUrl: string | null;
  diff: DiffLine[];
  references: string[];
  /** Where a draft saved on the platform can be opened (WordPress editor). */
  savedDraftUrl: string | null;
}

export interface LegalHistoryEntry {
  id: string;
  kind: LegalTextKind;
  status: string;
  locale: string;
  publishedAt: string | null;
  canRestore: boolean;
}

const KIND_OF_PAGE: Record<LegalTextKind, string> = { "legal-notice": "legal-notice", "terms-of-sale": "terms-of-sale", refund: "refund", privacy: "privacy", contact: "contact" };

export function isLegalTextKind(value: unknown): value is LegalTextKind {
  return typeof value === "string" && (LEGAL_TEXT_KINDS as string[]).includes(value);
}

/** The latest scan's facts (kept with its snapshot), else read now from the platform. */
async function shopFacts(shop: ShopRef, adapter: LegalAdapter): Promise<PlatformChecklistFacts> {
  const latest = await prisma.checklistScan.findFirst({ where: { ...shop, status: "done", snapshot: { not: null } }, orderBy: { startedAt: "desc" }, select: { snapshot: true } });
  if (latest?.snapshot) return (JSON.parse(latest.snapshot) as ShopSnapshot).facts;
  return adapter.collectChecklistFacts();
}

/** Every legal text's state from the shop's pages, linted as the checklist lints them. */
export function textStatuses(facts: PlatformChecklistFacts): TextStatus[] {
  return LEGAL_TEXT_KINDS.map((kind) => {
    const pages = facts.legalPages.filter((page) => page.kind === KIND_OF_PAGE[kind] && page.text.trim());
    if (!pages.length) return { kind, state: "missing" as const, missing: [], url: null };
    const text = pages.map((p) => p.text).join("\n");
    const missing = LEGAL_TEMPLATES[kind].lexicons.flatMap((lexicon) => lint(text, LEXICONS[lexicon as keyof typeof LEXICONS]).missing);
    return { kind, state: missing.length ? ("incomplete" as const) : ("complete" as const), missing, url: pages[0].url };
  });
}

function missingByLexicon(facts: PlatformChecklistFacts, kind: LegalTextKind): Record<string, string[]> {
  const text = facts.legalPages.filter((page) => page.kind === KIND_OF_PAGE[kind]).map((p) => p.text).join("\n");
  return Object.fromEntries(LEGAL_TEMPLATES[kind].lexicons.map((lexicon) => [lexicon, lint(text, LEXICONS[lexicon as keyof typeof LEXICONS]).missing]));
}

function draftFacts(facts: PlatformChecklistFacts, identity: LegalIdentityFields): DraftFacts {
  const url = (kind: string) => facts.legalPages.find((p) => p.kind === kind && p.text.trim())?.url ?? null;
  return {
    platform: facts.platform,
    shopName: facts.name,
    storefrontUrl: facts.storefrontUrl,
    identity,
    // Only the methods the shop really takes; the draft names none rather than guess.
    paymentMethods: [...new Set(facts.payments.methods.filter((m) => m.enabled).map((m) => m.title))],
    shipsTo: facts.shipsToCountries,
    taxesIncluded: facts.taxesIncluded,
    privacyUrl: url("privacy"),
    refundUrl: url("refund"),
  };
}

function fieldLabels(locale: DraftLocale): Record<IdentityField, string> {
  const t = translator(locale);
  return Object.fromEntries(IDENTITY_FIELDS.map((field) => [field, t(`legal.field.${field}`)])) as Record<IdentityField, string>;
}

function identityDefaults(facts: PlatformChecklistFacts) {
  const a = facts.contact.address;
  const address = a ? [a.address1, [a.zip, a.city].filter(Boolean).join(" "), a.countryCode === "FR" ? "France" : a.countryCode].filter(Boolean).join(", ") : null;
  return { platform: facts.platform, company: a?.company ?? facts.name, address, email: facts.contact.email, phone: facts.contact.phone };
}

/** The draft for a text: all of it, or only the sections an existing text lacks. */
export function buildDraft(facts: PlatformChecklistFacts, identity: LegalIdentityFields, kind: LegalTextKind, locale: DraftLocale, mode: DraftMode, currentHtml: string): Draft {
  const template = LEGAL_TEMPLATES[kind];
  const sections = mode === "missing" ? sectionsFor(template, missingByLexicon(facts, kind)) : undefined;
  const draft = renderTemplate(template, draftFacts(facts, identity), locale, fieldLabels(locale), sections);
  return mode === "missing" ? { ...draft, html: [currentHtml.trim(), draft.html].filter(Boolean).join("\n") } : draft;
}

export async function loadLegalWorkspace(shop: ShopRef, adapter: LegalAdapter, options: { kind: LegalTextKind | null; locale: DraftLocale | null; adminLocale: Locale; mode: DraftMode | null }) {
  const facts = await shopFacts(shop, adapter);
  // A French shop's legal texts are written in French; otherwise in the merchant's language, unless chosen.
  const locale: DraftLocale = options.locale ?? (facts.countryCode === "FR" ? "fr" : options.adminLocale);
  const saved = await loadIdentity(prisma, shop);
  const identity = withDefaults(saved ?? EMPTY_IDENTITY, identityDefaults(facts));
  const statuses = textStatuses(facts);
  const history = await prisma.legalText.findMany({ where: { ...shop, status: { in: ["published", "restored"] } }, orderBy: { createdAt: "desc" }, take: 20 });
  let draft: DraftView | null = null;
  if (options.kind) {
    const current = await adapter.readLegalText(options.kind);
    const currentHtml = current?.html ?? "";
    // An existing text receives what it lacks unless the merchant chooses to replace it whole.
    const mode = options.mode ?? (currentHtml.trim() ? "missing" : "full");
    const built = buildDraft(facts, identity, options.kind, locale, mode, currentHtml);
    const pending = await prisma.legalText.findFirst({ where: { ...shop, kind: options.kind, status: "draft" }, orderBy: { createdAt: "desc" } });
    // The merchant's saved draft in this language comes back as they left it, unless a
    // publication of this text came after it.
    const latest = await prisma.legalText.findFirst({ where: { ...shop, kind: options.kind, locale, status: { in: ["draft", "published", "restored"] } }, orderBy: { createdAt: "desc" } });
    const html = latest?.status === "draft" ? latest.body : built.html;
    draft = {
      kind: options.kind,
      locale,
      mode,
      title: built.title,
      html,
      missingFields: hasMissingMarks(html) ? built.missingFields : [],
      currentHtml,
      currentUrl: current?.url ?? null,
      diff: diffTexts(currentHtml, html),
      references: LEGAL_TEMPLATES[options.kind].references,
      savedDraftUrl: pending?.platformRef && adapter.keepsLegalDrafts ? pending.platformRef : null,
    };
  }
  return {
    platform: adapter.platform,
    keepsDrafts: adapter.keepsLegalDrafts,
    identity,
    identitySaved: saved !== null,
    statuses,
    draft,
    history: history.map((row): LegalHistoryEntry => ({
      id: row.id,
      kind: row.kind as LegalTextKind,
      status: row.status,
      locale: row.locale,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      canRestore: row.status === "published" && row.previousBody !== null,
    })),
  };
}

export type LegalActionResult =
  | { ok: true; intent: "identity" | "draft" | "publish" | "restore"; url?: string | null; draftUrl?: string | null }
  | { ok: false; intent: string; error: "invalid" | "problems" | "missing-fields" | "confirm-replace" | "platform" | "not-found"; problems?: Partial<Record<IdentityField, IdentityProblem>>; message?: string };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The re-scan after a publication is a follow-up: if it cannot start, the text is still published (the daily scan catches up). */
async function rescan(onPublished: () => Promise<unknown>) {
  try {
    await onPublished();
  } catch (error) {
    log("warn", "re-scan after a legal text publication could not start", { error: messageOf(error) });
  }
}

/**
 * The page's form. `intent`: identity (the company details), draft / publish (kind, locale,
 * html as edited, confirmReplace when a text exists), restore (id of a publication).
 */
/** A legal text is at most 200 kB of HTML; URL-encoded it can triple. */
export const LEGAL_FORM_MAX_BYTES = 1024 * 1024;

export async function legalWorkspaceAction(shop: ShopRef, adapter: LegalAdapter, form: Pick<URLSearchParams, "get">, onPublished: () => Promise<unknown>): Promise<LegalActionResult> {
  const intent = String(form.get("intent") ?? "");
  if (intent === "identity") {
    const input = Object.fromEntries(IDENTITY_FIELDS.map((field) => [field, form.get(field)]));
    const result = await saveIdentity(prisma, shop, input);
    return result.ok ? { ok: true, intent } : { ok: false, intent, error: "problems", problems: result.problems };
  }
  if (intent === "restore") {
    const row = await prisma.legalText.findFirst({ where: { ...shop, id: String(form.get("id") ?? ""), status: "published" } });
    if (!row || row.previousBody === null) return { ok: false, intent, error: "not-found" };
    const kind = row.kind as LegalTextKind;
    try {
      const current = await adapter.readLegalText(kind);
      const saved = await adapter.saveLegalText(kind, { title: current?.title ?? LEGAL_TEMPLATES[kind].title[row.locale as DraftLocale], html: row.previousBody }, "publish");
      await prisma.$transaction([
        prisma.legalText.update({ where: { id: row.id }, data: { status: "restored" } }),
        prisma.legalText.create({ data: { ...shop, kind, locale: row.locale, body: row.previousBody, status: "published", previousBody: saved.previousHtml ?? "", platformRef: saved.ref, publishedAt: new Date() } }),
      ]);
      await rescan(onPublished);
      return { ok: true, intent, url: saved.url };
    } catch (error) {
      return { ok: false, intent, error: "platform", message: messageOf(error) };
    }
  }
  if (intent !== "draft" && intent !== "publish") return { ok: false, intent, error: "invalid" };
  const kind = form.get("kind");
  const locale = form.get("locale");
  if (!isLegalTextKind(kind) || (locale !== "fr" && locale !== "en")) return { ok: false, intent, error: "invalid" };
  const html = sanitizeLegalHtml(String(form.get("html") ?? ""));
  if (!html.trim() || html.length > 200_000) return { ok: false, intent, error: "invalid" };
  if (intent === "publish" && hasMissingMarks(html)) return { ok: false, intent, error: "missing-fields" };
  const title = LEGAL_TEMPLATES[kind].title[locale];
  try {
    if (intent === "draft") {
      const saved = adapter.keepsLegalDrafts ? await adapter.saveLegalText(kind, { title, html }, "draft") : null;
      await prisma.legalText.create({ data: { ...shop, kind, locale, body: html, status: "draft", platformRef: saved?.draftUrl ?? null } });
      return { ok: true, intent, draftUrl: saved?.draftUrl ?? null };
    }
    const current = await adapter.readLegalText(kind);
    // Never over an existing text without the merchant's explicit choice, made after seeing the difference.
    if (current?.html.trim() && form.get("confirmReplace") !== "yes") return { ok: false, intent, error: "confirm-replace" };
    const saved = await adapter.saveLegalText(kind, { title: current?.title || title, html }, "publish");
    await prisma.legalText.create({ data: { ...shop, kind, locale, body: html, status: "published", previousBody: saved.previousHtml ?? "", platformRef: saved.ref, publishedAt: new Date() } });
    await rescan(onPublished);
    return { ok: true, intent, url: saved.url };
  } catch (error) {
    return { ok: false, intent, error: "platform", message: messageOf(error) };
  }
}
