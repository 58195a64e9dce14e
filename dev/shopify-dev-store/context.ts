/**
 * The store-wide context every module works with: configuration, live state,
 * rate-limit bucket, simulation switches and the captured real fetch.
 */
import type { SimulationState as SharedSimulationState } from "../simulation";
import type { LeakyBucket } from "./cost";
import type { DevStoreApp, DevStoreState, WebhookSubscription } from "./types";

export interface ResolvedApp extends DevStoreApp {
  title: string;
}

export type SimulationState = SharedSimulationState<500 | 502 | 503>;

export interface DevStoreContext {
  app: ResolvedApp;
  apiVersion: string;
  state: DevStoreState;
  shopDomain: string;
  /** "atelier-lumiere" for atelier-lumiere.myshopify.com */
  storeHandle: string;
  /** http://host:port of the running server (set once listening). */
  baseUrl: string;
  bucket: LeakyBucket;
  simulation: SimulationState;
  subscriptions: WebhookSubscription[];
  /** globalThis.fetch as it was when the store started. */
  realFetch: typeof fetch;
  log(line: string): void;
  /** Webhook deliveries the store started on its own and that are still running. */
  pendingDeliveries: Set<Promise<unknown>>;
}
