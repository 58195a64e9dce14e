/**
 * Online confirmation of a company identifier by the public registers:
 * - France's company directory (recherche-entreprises.api.gouv.fr, INSEE's SIRENE register,
 *   free and without a key): the SIREN exists, is active, and under which name;
 * - the EU's VIES service: the VAT number is registered.
 *
 * Answers are cached in the database (a week when confirmed, a day otherwise). A register that
 * does not answer in time, is down or throttles means "not verified" — never "invalid".
 * The base URLs come from the environment so the demo and the tests use local stand-ins.
 */
import type { PrismaClient } from "../db.server";
import { checkCompanyId } from "./company-id";

export type Register = "company-directory" | "vies";

export type RegisterAnswer =
  | { status: "confirmed"; register: Register; identifier: string; name: string | null; details: Record<string, string | null>; checkedAt: Date; cached: boolean }
  | { status: "ceased" | "not-found"; register: Register; identifier: string; name: string | null; details: Record<string, string | null>; checkedAt: Date; cached: boolean }
  | { status: "unreachable"; register: Register; identifier: string; reason: string };

export interface RegisterOptions {
  /** Base URL of the company directory API (default: the public one). */
  directoryUrl?: string;
  /** Base URL of the VIES REST API (default: the public one). */
  viesUrl?: string;
  /** Whole-request deadline, connection to last byte. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => Date;
}

export const PUBLIC_DIRECTORY_URL = "https://recherche-entreprises.api.gouv.fr";
export const PUBLIC_VIES_URL = "https://ec.europa.eu/taxation_customs/vies/rest-api";

const CONFIRMED_TTL_MS = 7 * 24 * 3600_000;
const NEGATIVE_TTL_MS = 24 * 3600_000;
/** Register answers are small; anything larger is not what we asked for. */
const MAX_ANSWER_BYTES = 512 * 1024;

class RegisterUnreachable extends Error {}

export function registerOptionsFromEnv(env: Record<string, string | undefined> = process.env): RegisterOptions & { enabled: boolean } {
  return {
    enabled: env.RASSURE_COMPANY_REGISTERS !== "off",
    directoryUrl: env.RASSURE_COMPANY_DIRECTORY_URL || PUBLIC_DIRECTORY_URL,
    viesUrl: env.RASSURE_VIES_URL || PUBLIC_VIES_URL,
  };
}

async function fetchJson(url: string, init: RequestInit, options: RegisterOptions): Promise<{ status: number; body: unknown }> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    // The signal also aborts reading the body, so a server that drips bytes cannot hold us past the deadline.
    response = await doFetch(url, { ...init, signal: AbortSignal.timeout(options.timeoutMs ?? 5_000), headers: { Accept: "application/json", ...init.headers } });
    const text = await response.text();
    if (text.length > MAX_ANSWER_BYTES) throw new RegisterUnreachable("answer too large");
    if (response.status === 429 || response.status >= 500) throw new RegisterUnreachable(`HTTP ${response.status}`);
    try {
      return { status: response.status, body: text ? JSON.parse(text) : null };
    } catch {
      throw new RegisterUnreachable(`HTTP ${response.status}, not JSON`);
    }
  } catch (error) {
    if (error instanceof RegisterUnreachable) throw error;
    throw new RegisterUnreachable(error instanceof Error ? (error.name === "TimeoutError" ? "timed out" : error.message) : String(error));
  }
}

const str = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value.trim() : null);

/** GET /search?q=<siren>: the result whose `siren` is the one asked (a search may return near matches). */
async function askDirectory(siren: string, options: RegisterOptions) {
  const url = new URL("/search", options.directoryUrl ?? PUBLIC_DIRECTORY_URL);
  url.searchParams.set("q", siren);
  url.searchParams.set("page", "1");
  url.searchParams.set("per_page", "5");
  const { status, body } = await fetchJson(url.href, { method: "GET" }, options);
  if (status !== 200 || !body || typeof body !== "object" || !Array.isArray((body as { results?: unknown }).results)) {
    throw new RegisterUnreachable(`unexpected answer (HTTP ${status})`);
  }
  const result = ((body as { results: unknown[] }).results as Array<Record<string, unknown>>).find((r) => r && r.siren === siren);
  if (!result) return { status: "not-found" as const, name: null, details: {} };
  const siege = (result.siege ?? {}) as Record<string, unknown>;
  const name = str(result.nom_raison_sociale) ?? str(result.nom_complet);
  const details = { fullName: str(result.nom_complet), acronym: str(result.sigle), headOfficeSiret: str(siege.siret), address: str(siege.adresse) };
  return { status: result.etat_administratif === "C" ? ("ceased" as const) : ("confirmed" as const), name, details };
}

/** POST /check-vat-number {countryCode, vatNumber}: `valid`, and the trader's name when the member state gives it. */
async function askVies(vat: string, options: RegisterOptions) {
  const { status, body } = await fetchJson(
    `${(options.viesUrl ?? PUBLIC_VIES_URL).replace(/\/$/, "")}/check-vat-number`,
    { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ countryCode: vat.slice(0, 2), vatNumber: vat.slice(2) }) },
    options,
  );
  const answer = (body ?? {}) as Record<string, unknown>;
  // VIES reports a member state's outage as an error in a 200 or 4xx answer, not as "invalid".
  const errors = Array.isArray(answer.errorWrappers) ? (answer.errorWrappers as Array<{ error?: string }>).map((e) => e.error) : [];
  if (errors.length || typeof answer.valid !== "boolean") throw new RegisterUnreachable(errors.filter(Boolean).join(", ") || `unexpected answer (HTTP ${status})`);
  // "---" is VIES's way of saying the member state does not disclose the name.
  const disclosed = (value: unknown) => (str(value) && str(value) !== "---" ? str(value) : null);
  return { status: answer.valid ? ("confirmed" as const) : ("not-found" as const), name: disclosed(answer.name), details: { address: disclosed(answer.address) } };
}

/**
 * Asks the register for an identifier valid offline (SIREN/SIRET → company directory with the
 * SIREN; VAT → VIES), through the cache. Identifiers invalid offline are never sent.
 */
export async function confirmWithRegister(db: PrismaClient, input: string, options: RegisterOptions = {}): Promise<RegisterAnswer | null> {
  const check = checkCompanyId(input);
  if (!check.valid) return null;
  const register: Register = check.kind === "vat" ? "vies" : "company-directory";
  const identifier = check.kind === "vat" ? check.normalized : (check.siren ?? check.normalized);
  const now = options.now?.() ?? new Date();

  const cached = await db.companyVerification.findUnique({ where: { identifier_register: { identifier, register } } });
  if (cached && now.getTime() - cached.checkedAt.getTime() < (cached.status === "confirmed" ? CONFIRMED_TTL_MS : NEGATIVE_TTL_MS)) {
    return { status: cached.status as "confirmed" | "ceased" | "not-found", register, identifier, name: cached.name, details: JSON.parse(cached.details ?? "{}"), checkedAt: cached.checkedAt, cached: true };
  }
  try {
    const answer = register === "vies" ? await askVies(identifier, options) : await askDirectory(identifier, options);
    const data = { status: answer.status, name: answer.name, details: JSON.stringify(answer.details), checkedAt: now };
    await db.companyVerification.upsert({ where: { identifier_register: { identifier, register } }, create: { identifier, register, ...data }, update: data });
    return { ...answer, register, identifier, checkedAt: now, cached: false };
  } catch (error) {
    if (!(error instanceof RegisterUnreachable)) throw error;
    return { status: "unreachable", register, identifier, reason: error.message };
  }
}
