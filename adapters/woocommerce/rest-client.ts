/**
 * The one way the app talks to a WooCommerce store: `@woocommerce/woocommerce-rest-api`
 * (OAuth 1.0a over http, Basic auth over https, as WooCommerce expects) wrapped with the
 * outbound rules of adapters/http (every request to the store's checked address, within a total
 * deadline), retries with exponential backoff on 429/5xx/network failures (honouring
 * Retry-After), WordPress-shaped errors, and page-by-page listing via X-WP-TotalPages.
 * Everything goes through key-authenticated routes: many shops close the anonymous REST index
 * (security plugins), so what the app used to read there comes from authenticated routes.
 */
import https from "node:https";
import restApiModule from "@woocommerce/woocommerce-rest-api";
import type { AxiosResponse } from "axios";
import { AddressRefusedError } from "../http/address-guard";
import { DeadlineExceededError, guardedConnection, type GuardedConnection } from "../http/outbound";
import { httpGet, HttpGetError } from "./http-get";
import { COMPANION_NAMESPACE, SHIPMENT_TRACKING_NAMESPACE } from "./namespaces";

/** The library ships CommonJS with `exports.default`; bundlers and Node disagree on interop. */
type RestApiInstance = {
  get(endpoint: string, params?: object): Promise<AxiosResponse>;
  post(endpoint: string, data: object, params?: object): Promise<AxiosResponse>;
  put(endpoint: string, data: object, params?: object): Promise<AxiosResponse>;
  delete(endpoint: string, params?: object): Promise<AxiosResponse>;
};
type RestApiConstructor = new (options: Record<string, unknown>) => RestApiInstance;
const RestApi = ((restApiModule as unknown as { default?: RestApiConstructor }).default ?? restApiModule) as unknown as RestApiConstructor;

export interface WooCredentials {
  /** The store's home URL, e.g. "https://boutique.example" (WordPress may live in a sub-path). */
  storeUrl: string;
  consumerKey: string;
  consumerSecret: string;
}

export interface WooClientOptions {
  /** Deadline of one attempt, from name resolution to the last byte (default 15 s). */
  timeoutMs?: number;
  maxRetries?: number;
  /** Base of the exponential backoff; tests shorten it. */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Extra trusted CA certificates (PEM) for development stores on https; verification stays on. */
  ca?: string | string[];
  /**
   * Development, tests and the CLI (whose operator names the store): let loopback and private
   * addresses through. The app sets it only with RASSURE_WOOCOMMERCE_ALLOW_PRIVATE_HOSTS=1.
   */
  allowPrivateAddresses?: boolean;
}

/** A failed call, with WordPress's error code when the store sent one. */
export class WooCommerceApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string | null,
    readonly retryable: boolean,
    /** Wait the store asked for (Retry-After), when it did. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = "WooCommerceApiError";
  }
}

export interface WooResponse<T = unknown> {
  status: number;
  data: T;
  headers: Record<string, string>;
}

type Method = "get" | "post" | "put" | "delete";

/**
 * The reads the resource functions need (resources.ts). The REST client is one; the companion
 * plugin's batched answer (companion-facts.ts) is another, so both go through the same parsers.
 */
export interface WooReader {
  get<T = unknown>(endpoint: string, params?: object, namespace?: string): Promise<WooResponse<T>>;
  getAll(endpoint: string, params?: Record<string, string | number>, maxPages?: number): Promise<unknown[]>;
  /** The fields of the WordPress REST index the app reads (name, home, timezone_string, namespaces), unparsed. */
  getRestIndex(): Promise<unknown>;
}

const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);
const MAX_PAGES = 50;
/** A broken or hostile store must not exhaust memory: no WooCommerce answer we read comes near this. */
export const MAX_RESPONSE_BYTES = 20 * 1024 * 1024;

function describe(status: number | null, body: unknown, fallback: string): { message: string; code: string | null } {
  if (body && typeof body === "object" && typeof (body as { message?: unknown }).message === "string") {
    const { message, code } = body as { message: string; code?: unknown };
    return { message, code: typeof code === "string" ? code : null };
  }
  return { message: status ? `${fallback} (HTTP ${status})` : fallback, code: null };
}

function headerMap(headers: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (headers && typeof headers === "object") {
    for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
      if (typeof value === "string" || typeof value === "number") result[name.toLowerCase()] = String(value);
    }
  }
  return result;
}

/** The error for a non-2xx answer, with WordPress's message and code when the store sent them. */
export function refusalError(status: number, body: unknown, headers: Record<string, string | undefined> = {}, retryable = RETRYABLE.has(status)): WooCommerceApiError {
  const { message, code } = describe(status, body, "The store refused the request");
  return new WooCommerceApiError(message, status, code, retryable, retryAfterMs(headers));
}

export function retryAfterMs(headers: Record<string, string | undefined>): number | null {
  const value = headers["retry-after"];
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.min(seconds, 30) * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.min(Math.max(date - Date.now(), 0), 30_000) : null;
}

export class WooRestClient implements WooReader {
  private readonly httpsAgent: https.Agent | undefined;
  readonly timeoutMs: number;
  readonly ca: string | string[] | undefined;
  private readonly allowPrivateAddresses: boolean;
  private readonly maxRetries: number;
  private readonly backoffMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Requests sent, retries included (reported as the cost of a checklist scan). */
  requests = 0;

  constructor(
    readonly credentials: WooCredentials,
    options: WooClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.ca = options.ca;
    this.httpsAgent = options.ca ? new https.Agent({ ca: options.ca }) : undefined;
    this.allowPrivateAddresses = options.allowPrivateAddresses ?? false;
    this.maxRetries = options.maxRetries ?? 3;
    this.backoffMs = options.backoffMs ?? 500;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** The store's address, checked, and this attempt's deadline. */
  private connect(): Promise<GuardedConnection> {
    return guardedConnection(this.credentials.storeUrl, { allowPrivateAddresses: this.allowPrivateAddresses, deadlineMs: this.timeoutMs });
  }

  /** A library instance for one request in one REST namespace (wc/v3, wc-shipment-tracking/v3, wc-rassure/v1…). */
  private library(namespace: string, connection: GuardedConnection): RestApiInstance {
    return new RestApi({
      url: this.credentials.storeUrl,
      consumerKey: this.credentials.consumerKey,
      consumerSecret: this.credentials.consumerSecret,
      version: namespace,
      timeout: this.timeoutMs,
      // Errors are ours to classify; redirects on an API call mean a misconfigured store.
      axiosConfig: {
        validateStatus: () => true,
        maxRedirects: 0,
        responseType: "text",
        maxContentLength: MAX_RESPONSE_BYTES,
        // Straight to the checked address: no environment proxy, no second lookup.
        proxy: false,
        lookup: connection.lookup,
        signal: connection.signal,
        ...(this.httpsAgent ? { httpsAgent: this.httpsAgent } : {}),
      },
    });
  }

  /** What a request that got no answer becomes: refused address, deadline, oversized answer or a network failure. */
  private transportError(error: unknown, connection: GuardedConnection | null): WooCommerceApiError {
    if (error instanceof AddressRefusedError) return new WooCommerceApiError(`The store's address is not public: ${error.message}.`, null, "rassure_address_refused", false);
    if (error instanceof DeadlineExceededError || connection?.expired()) {
      return new WooCommerceApiError(`The store did not answer within ${this.timeoutMs} ms.`, null, "rassure_deadline", true);
    }
    const reason = error instanceof Error ? error.message : String(error);
    // axios stops reading past maxContentLength: a broken or hostile store, not worth retrying.
    if (reason.includes("maxContentLength") || (error instanceof HttpGetError && error.tooLarge)) {
      return new WooCommerceApiError("The store's answer is too large.", null, "rassure_too_large", false);
    }
    return new WooCommerceApiError(`The store did not answer (${reason}).`, null, null, true);
  }

  private async once(method: Method, namespace: string, endpoint: string, data?: object, params?: object): Promise<WooResponse> {
    this.requests++;
    let connection: GuardedConnection | null = null;
    let response: AxiosResponse;
    try {
      connection = await this.connect();
      const client = this.library(namespace, connection);
      response =
        method === "get" ? await client.get(endpoint, params)
        : method === "delete" ? await client.delete(endpoint, params)
        : await client[method](endpoint, data ?? {}, params);
    } catch (error) {
      throw this.transportError(error, connection);
    }
    const headers = headerMap(response.headers);
    const text = typeof response.data === "string" ? response.data : JSON.stringify(response.data ?? null);
    let body: unknown = undefined;
    try {
      body = text.trim() ? JSON.parse(text) : null;
    } catch {
      body = undefined;
    }
    // HTML where JSON was due (not a 429/5xx page): WordPress served a theme page, as with plain permalinks.
    if (body === undefined && !RETRYABLE.has(response.status)) {
      throw new WooCommerceApiError("The store answered with something other than JSON: is the REST API reachable (pretty permalinks)?", response.status, "rassure_not_json", false);
    }
    if (response.status >= 200 && response.status < 300) return { status: response.status, data: body, headers };
    throw refusalError(response.status, body, headers);
  }

  async request<T = unknown>(method: Method, endpoint: string, options: { namespace?: string; data?: object; params?: object } = {}): Promise<WooResponse<T>> {
    const namespace = options.namespace ?? "wc/v3";
    return this.withRetries(method !== "post", async () => (await this.once(method, namespace, endpoint, options.data, options.params)) as WooResponse<T>);
  }

  /**
   * Runs `attempt` again on retryable failures (429, 5xx, network), waiting Retry-After or an
   * exponential backoff. Only idempotent calls are retried after a network failure: a POST may
   * have landed.
   */
  async withRetries<T>(idempotent: boolean, attempt: () => Promise<T>): Promise<T> {
    for (let tries = 0; ; tries++) {
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof WooCommerceApiError) || !error.retryable || tries >= this.maxRetries) throw error;
        if (error.status === null && !idempotent) throw error;
        await this.sleep(error.retryAfterMs ?? this.backoffMs * 2 ** tries);
      }
    }
  }

  get<T = unknown>(endpoint: string, params?: object, namespace?: string) {
    return this.request<T>("get", endpoint, { params, namespace });
  }

  /** Every item of a paginated collection, following X-WP-TotalPages (100 per page unless `per_page` says otherwise). */
  async getAll(endpoint: string, params: Record<string, string | number> = {}, maxPages = MAX_PAGES): Promise<unknown[]> {
    const items: unknown[] = [];
    for (let page = 1; page <= maxPages; page++) {
      const response = await this.get(endpoint, { per_page: 100, ...params, page });
      if (!Array.isArray(response.data)) throw new WooCommerceApiError(`${endpoint}: expected a list.`, response.status, "rassure_bad_shape", false);
      items.push(...response.data);
      const totalPages = Number(response.headers["x-wp-totalpages"] ?? 1);
      if (!Number.isFinite(totalPages) || page >= totalPages) break;
    }
    return items;
  }

  /** Whether an authenticated GET of `route` reaches a registered route (404 rest_no_route: the plugin is not active). */
  private async routeExists(namespace: string, route: string): Promise<boolean> {
    try {
      await this.get(route, {}, namespace);
      return true;
    } catch (error) {
      if (error instanceof WooCommerceApiError && error.status === 404 && error.code === "rest_no_route") return false;
      throw error;
    }
  }

  /**
   * What the app reads from the REST index, through key-authenticated routes: the companion
   * plugin's `site` route (plugin 1.1+) answers all of it; without it, the Shipment Tracking
   * route is probed with the key, and the site's name and timezone come from the public index
   * only when the shop leaves it open (they are unknown otherwise).
   */
  async getRestIndex(): Promise<unknown> {
    try {
      return (await this.get("site", {}, COMPANION_NAMESPACE)).data;
    } catch (error) {
      if (!(error instanceof WooCommerceApiError && error.status === 404 && error.code === "rest_no_route")) throw error;
    }
    const [shipmentTracking, open] = await Promise.all([
      this.routeExists(SHIPMENT_TRACKING_NAMESPACE, "shipment-trackings/providers"),
      this.publicIndex().catch(() => null),
    ]);
    return {
      name: typeof open?.name === "string" ? open.name : "",
      home: this.credentials.storeUrl,
      timezone_string: typeof open?.timezone_string === "string" ? open.timezone_string : "",
      namespaces: ["wc/v3", ...(shipmentTracking ? [SHIPMENT_TRACKING_NAMESPACE] : [])],
    };
  }

  /** The anonymous REST index (`/wp-json/`), when the shop serves it: one attempt, same limits. */
  private async publicIndex(): Promise<Record<string, unknown> | null> {
    const body = await this.publicGet(`${this.credentials.storeUrl.replace(/\/+$/, "")}/wp-json/?_fields=name,timezone_string`, "application/json");
    if (body === null) return null;
    try {
      const data: unknown = JSON.parse(body);
      return data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }

  /** A public page of the shop's own site as HTML (null when it is not 200, or not on the store's origin: the key's connection goes nowhere else). */
  async publicPage(pageUrl: string): Promise<string | null> {
    let origin: string;
    try {
      origin = new URL(pageUrl).origin;
    } catch {
      return null;
    }
    if (origin !== new URL(this.credentials.storeUrl).origin) return null;
    return this.publicGet(pageUrl, "text/html");
  }

  /** One anonymous GET on the store's checked address, within the client's deadline and byte cap. */
  private async publicGet(url: string, accept: string): Promise<string | null> {
    this.requests++;
    let connection: GuardedConnection | null = null;
    let response: Awaited<ReturnType<typeof httpGet>>;
    try {
      connection = await this.connect();
      response = await httpGet(url, { connection, maxBytes: MAX_RESPONSE_BYTES, ca: this.ca, accept });
    } catch (error) {
      throw this.transportError(error, connection);
    }
    return response.status === 200 ? response.body : null;
  }
}
