/**
 * Structured logs: one JSON object per line on stdout, with the request id when there is a
 * request, so one merchant's problem can be followed across lines. Secrets never reach a log:
 * fields whose name says secret and values shaped like platform credentials are redacted.
 */
import { randomUUID } from "node:crypto";

export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
export const REQUEST_ID_HEADER = "x-request-id";
const REQUEST_ID = /^[\w.:-]{8,128}$/;

const SECRET_FIELD = /token|secret|password|passwd|authorization|cookie|credential|api[-_]?key|consumer[-_]?(key|secret)|hmac|signature|session/i;
// Shopify access tokens (shpat_, shpca_, shppa_, shpua_…), WooCommerce keys (ck_/cs_ + 40 hex), JWTs, sealed envelopes.
const SECRET_VALUE = /\b(shp[a-z]{2}_[A-Za-z0-9]{16,}|c[ks]_[a-f0-9]{32,}|eyJ[\w-]+\.[\w-]+\.[\w-]+|enc:v1:[^\s"]+)/g;

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === "string") return value.replace(SECRET_VALUE, "[redacted]");
  if (value instanceof Error) return { name: value.name, message: redactValue(value.message, depth), stack: redactValue(value.stack ?? "", depth) };
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, SECRET_FIELD.test(key) ? "[redacted]" : redactValue(item, depth + 1)]),
  );
}

export function redact(fields: LogFields): LogFields {
  return redactValue(fields, 0) as LogFields;
}

function threshold(): number {
  const configured = process.env.RASSURE_LOG_LEVEL as LogLevel | undefined;
  return LEVELS[configured && configured in LEVELS ? configured : "info"];
}

/** Where lines go; tests capture them. */
let sink: (line: string) => void = (line) => process.stdout.write(`${line}\n`);
export function setLogSink(next: ((line: string) => void) | null) {
  sink = next ?? ((line) => process.stdout.write(`${line}\n`));
}

export function log(level: LogLevel, message: string, fields: LogFields = {}): void {
  if (LEVELS[level] < threshold()) return;
  sink(JSON.stringify({ time: new Date().toISOString(), level, msg: redactValue(message, 0), ...redact(fields) }));
}

/** The id the HTTP server gave this request (server/http-server.mjs), or a new one. */
/** A well-formed id from a trusted proxy is kept; anything else (absent, malformed, hostile) is replaced. */
export function acceptOrCreateRequestId(given: string | null | undefined): string {
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

export function requestIdOf(request: Request): string {
  return acceptOrCreateRequestId(request.headers.get(REQUEST_ID_HEADER));
}

/** A logger whose lines carry the request's id and path. */
export type RequestLogger = ReturnType<typeof requestLogger>;

function requestLogger(requestFields: () => { requestId: string; path: string }, context: LogFields) {
  // The request's fields are read once a line is written: a webhook burst with info lines off
  // parses no URL and checks no request id per delivery.
  let base: LogFields | null = null;
  const at = (level: LogLevel) => (message: string, fields?: LogFields) => {
    if (LEVELS[level] < threshold()) return;
    base ??= { ...requestFields(), ...context };
    log(level, message, { ...base, ...fields });
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

export function loggerFor(request: Request, context: LogFields = {}) {
  return requestLogger(() => ({ requestId: requestIdOf(request), path: new URL(request.url).pathname }), context);
}

/** loggerFor, for a request Node's server hands over as is (no web Request is built for it). */
export function loggerForNodeRequest(request: { url?: string; headers: Record<string, string | string[] | undefined> }, context: LogFields = {}) {
  const given = request.headers[REQUEST_ID_HEADER];
  return requestLogger(() => ({ requestId: acceptOrCreateRequestId(typeof given === "string" ? given : null), path: (request.url ?? "/").split("?")[0] }), context);
}
