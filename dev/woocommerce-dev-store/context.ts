/** What every part of the WooCommerce dev store shares while it runs. */
import type { RestRequestLog, SimulationState, WebhookDeliveryLog, WooDevStoreState } from "./types";

export interface WooStoreContext {
  state: WooDevStoreState;
  /** The store's home URL (WordPress `home_url()`), set once the server listens. */
  homeUrl: string;
  simulation: SimulationState;
  outboundFetch: typeof fetch;
  allowPrivateTargets: boolean;
  deliveries: WebhookDeliveryLog[];
  /** Every REST request received (the benchmarks and tests count them). */
  restRequests: RestRequestLog[];
  pending: Set<Promise<unknown>>;
  /** Milliseconds since the epoch, as WordPress's time() sees it (tests may freeze it). */
  clock(): number;
  /** The site's `auth` salt: wp_hash() keys its HMAC with it. */
  salt: string;
  log(line: string): void;
}

export function isoNow(): string {
  return new Date().toISOString().slice(0, 19);
}

/** wp_safe_remote_post refuses loopback and private-network hosts. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host === "::1" || host.endsWith(".localhost")) return true;
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  if (!v4) return false;
  const [a, b] = [Number(v4[1]), Number(v4[2])];
  return a === 127 || a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
}
