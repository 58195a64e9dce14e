/**
 * Webhook delivery, with the headers Shopify sends: the raw JSON body signed
 * with HMAC-SHA256 (base64) using the app secret, posted to the subscription
 * URI (absolute, or relative to the app URL).
 */
import { createHmac, randomUUID } from "node:crypto";
import type { DevStoreContext } from "./context";
import { isoNow } from "./state";
import type { SendWebhookOptions, WebhookDeliveryRecord, WebhookSubscription } from "./types";
import { defaultWebhookPayload, topicKey } from "./webhook-payloads";

export function findSubscription(store: DevStoreContext, topic: string): WebhookSubscription | undefined {
  const key = topicKey(topic);
  return store.subscriptions.find((subscription) => topicKey(subscription.topic) === key);
}

export function subscriptionUrl(store: DevStoreContext, uri: string): string {
  if (/^https?:\/\//i.test(uri)) return uri;
  return `${store.app.appUrl.replace(/\/+$/, "")}/${uri.replace(/^\/+/, "")}`;
}

export function webhookHmac(rawBody: string, secret: string): string {
  return createHmac("sha256", secret).update(rawBody, "utf8").digest("base64");
}

/**
 * Shopify's X-Shopify-Triggered-At: when the event happened (a retry keeps it), in UTC with
 * nanosecond digits, e.g. "2023-03-29T18:00:27.877041743Z". Like every header, it is not signed.
 */
export function triggeredAtHeader(at: Date): string {
  return at.toISOString().replace(/\.(\d{3})Z$/, ".$1000000Z");
}

async function post(store: DevStoreContext, delivery: WebhookDeliveryRecord): Promise<Response> {
  try {
    const response = await store.realFetch(delivery.uri, { method: "POST", headers: delivery.headers, body: delivery.rawBody, redirect: "manual" });
    delivery.status = response.status;
    store.log(`webhook ${delivery.topic} -> ${delivery.uri}: ${response.status}`);
    return response;
  } catch (error) {
    delivery.error = error instanceof Error ? error.message : String(error);
    store.log(`webhook ${delivery.topic} -> ${delivery.uri} failed: ${delivery.error}`);
    throw error;
  }
}

export async function deliverWebhook(
  store: DevStoreContext,
  topic: string,
  payload: unknown,
  opts: SendWebhookOptions = {},
  automatic = false,
): Promise<Response> {
  const subscription = findSubscription(store, topic);
  if (!subscription) {
    const known = store.subscriptions.map((s) => s.topic).join(", ") || "none";
    throw new Error(`The app has no webhook subscription for topic "${topic}" (subscribed topics: ${known}).`);
  }
  // Shopify names the topic the way the subscription does ("app/uninstalled").
  const headerTopic = subscription.topic.includes("/") ? subscription.topic : topic;
  const rawBody =
    opts.rawBody ?? JSON.stringify(payload === undefined ? defaultWebhookPayload(store, headerTopic) : payload);
  const webhookId = opts.webhookId ?? randomUUID();
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    Accept: "*/*",
    "User-Agent": "Shopify-Captain-Hook",
    "X-Shopify-Topic": headerTopic,
    "X-Shopify-Hmac-Sha256": webhookHmac(rawBody, opts.secret ?? store.app.apiSecret),
    "X-Shopify-Shop-Domain": store.shopDomain,
    "X-Shopify-API-Version": store.apiVersion,
    "X-Shopify-Webhook-Id": webhookId,
    "X-Shopify-Triggered-At": triggeredAtHeader(opts.triggeredAt ?? new Date()),
    "X-Shopify-Event-Id": randomUUID(),
    ...opts.headers,
  };
  let parsedPayload: unknown = payload;
  if (payload === undefined) {
    try {
      parsedPayload = JSON.parse(rawBody);
    } catch {
      parsedPayload = rawBody;
    }
  }
  const delivery: WebhookDeliveryRecord = {
    webhookId,
    topic: headerTopic,
    uri: subscriptionUrl(store, subscription.uri),
    payload: parsedPayload,
    rawBody,
    headers,
    deliveredAt: isoNow(),
    status: null,
    error: null,
    automatic,
  };
  store.state.webhookDeliveries.push(delivery);
  return post(store, delivery);
}

/** Shopify's retry of a delivery: the same request again (same id, body and trigger time). */
export async function retryWebhook(store: DevStoreContext, webhookId: string): Promise<Response> {
  const original = store.state.webhookDeliveries.find((d) => d.webhookId === webhookId);
  if (!original) throw new Error(`No webhook delivery ${webhookId} to retry.`);
  const retry: WebhookDeliveryRecord = { ...original, deliveredAt: isoNow(), status: null, error: null };
  store.state.webhookDeliveries.push(retry);
  return post(store, retry);
}

/**
 * Delivers a webhook the store triggers on its own (after a mutation), in the
 * background like Shopify; skipped when the app does not subscribe to it.
 */
export function queueAutomaticWebhook(store: DevStoreContext, topic: string, payload: () => unknown): void {
  if (!findSubscription(store, topic)) return;
  const delivery = (async () => {
    // Let the mutation's response go out first, as on Shopify.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const response = await deliverWebhook(store, topic, payload(), {}, true);
    await response.body?.cancel();
  })().catch(() => undefined);
  store.pendingDeliveries.add(delivery);
  void delivery.finally(() => store.pendingDeliveries.delete(delivery));
}

export async function flushWebhooks(store: DevStoreContext): Promise<void> {
  while (store.pendingDeliveries.size > 0) {
    await Promise.allSettled([...store.pendingDeliveries]);
  }
}
