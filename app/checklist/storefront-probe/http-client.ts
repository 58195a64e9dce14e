/**
 * The probe's HTTP client (node:http/https, not fetch, to control every byte): one request
 * at a time through the SSRF guard, a byte cap (the rest of the body is dropped, not read), a
 * time cap, a bounded number of redirects with loop detection, no decompression
 * (Accept-Encoding: identity), and certificate verification always on (an extra trusted CA
 * can be given for development and tests).
 */
import http from "node:http";
import https from "node:https";
import { pinnedLookup, resolveAllowed } from "../../../adapters/http/address-guard";

export interface ProbeHttpOptions {
  allowPrivate: boolean;
  /** Extra trusted CA certificates (PEM), for development storefronts and tests. */
  ca?: string | string[];
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
}

export interface ProbeResponse {
  url: string;
  status: number;
  /** Lower-cased names; repeated headers joined with ", " (Set-Cookie kept apart). */
  headers: Record<string, string>;
  setCookies: string[];
  contentType: string | null;
  body: string;
  bytes: number;
  truncated: boolean;
}

export interface FollowedResponse extends ProbeResponse {
  finalUrl: string;
  redirects: string[];
}

export class ProbeHttpError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "ProbeHttpError";
  }
}

const TEXTUAL = /^(text\/|application\/(xhtml\+xml|xml|json|ld\+json))/i;

/** One GET, no redirect following. Only textual bodies are read (up to maxBytes). */
export async function probeRequest(target: string, options: ProbeHttpOptions): Promise<ProbeResponse> {
  const url = new URL(target);
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new ProbeHttpError(`Unsupported scheme ${url.protocol}`, "UNSUPPORTED_SCHEME");
  const resolved = await resolveAllowed(url.hostname, options.allowPrivate);
  const client = url.protocol === "https:" ? https : http;
  return new Promise<ProbeResponse>((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: "GET",
        lookup: pinnedLookup(resolved) as never,
        ca: options.ca,
        headers: { "User-Agent": options.userAgent, Accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5", "Accept-Encoding": "identity" },
        agent: false,
      },
      (response) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) {
          if (name === "set-cookie" || value === undefined) continue;
          headers[name] = Array.isArray(value) ? value.join(", ") : value;
        }
        const contentType = headers["content-type"] ?? null;
        const chunks: Buffer[] = [];
        let bytes = 0;
        let truncated = false;
        const finish = () => {
          clearTimeout(timer);
          resolve({
            url: url.href,
            status: response.statusCode ?? 0,
            headers,
            setCookies: response.headers["set-cookie"] ?? [],
            contentType,
            body: Buffer.concat(chunks).toString("utf8"),
            bytes,
            truncated,
          });
        };
        if (!contentType || !TEXTUAL.test(contentType) || (response.statusCode ?? 0) >= 300) {
          // Redirects, errors and non-text bodies are not read: headers are enough.
          truncated = response.headers["content-length"] !== undefined && response.headers["content-length"] !== "0";
          response.destroy();
          finish();
          return;
        }
        response.on("data", (chunk: Buffer) => {
          const room = options.maxBytes - bytes;
          if (chunk.length >= room) {
            chunks.push(chunk.subarray(0, room));
            bytes += room;
            truncated = true;
            response.destroy();
            finish();
            return;
          }
          chunks.push(chunk);
          bytes += chunk.length;
        });
        response.on("end", finish);
        response.on("error", (error) => (truncated ? finish() : fail(error)));
      },
    );
    const fail = (error: Error & { code?: string }) => {
      clearTimeout(timer);
      reject(error instanceof ProbeHttpError ? error : new ProbeHttpError(error.message, error.code ?? "REQUEST_FAILED"));
    };
    const timer = setTimeout(() => request.destroy(new ProbeHttpError(`No complete answer within ${options.timeoutMs} ms`, "TIMEOUT")), options.timeoutMs);
    request.on("error", fail);
    request.end();
  });
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);

/** GET following redirects (each hop through the guard), at most maxRedirects, refusing loops. */
export async function probeFollow(target: string, options: ProbeHttpOptions): Promise<FollowedResponse> {
  const redirects: string[] = [];
  const seen = new Set<string>();
  let current = target;
  for (;;) {
    seen.add(current);
    const response = await probeRequest(current, options);
    const location = response.headers.location;
    if (!REDIRECT.has(response.status) || !location) return { ...response, finalUrl: current, redirects };
    const next = new URL(location, current).href;
    if (seen.has(next)) throw new ProbeHttpError(`Redirect loop: ${[...redirects, current, next].join(" → ")}`, "REDIRECT_LOOP");
    if (redirects.length >= options.maxRedirects) throw new ProbeHttpError(`More than ${options.maxRedirects} redirects from ${target}`, "TOO_MANY_REDIRECTS");
    redirects.push(current);
    current = next;
  }
}
