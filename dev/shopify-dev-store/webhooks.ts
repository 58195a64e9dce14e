/**
 * Webhook delivery, with the headers Shopify sends: the raw JSON body signed
 * with HMAC-SHA256 (base64) using the app secret, posted to the subscription
 * URI (absolute, or relative to the app URL).
 */
import { createHmac, randomUUID } from "node:crypto";
import type { DevStoreContext } from "./context";
import { isoNow } from "./state";
import type { SendWebhookOptions, WebhookSubscription } from "./types";
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
  const url = subscriptionUrl(store, subscription.uri);
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    Accept: "*/*",
    "User-Agent": "Shopify-Captain-Hook",
    "X-Shopify-Topic": headerTopic,
    "X-Shopify-Hmac-Sha256": webhookHmac(rawBody, opts.secret ?? store.app.apiSecret),
    "X-Shopify-Shop-Domain": store.shopDomain,
    "X-Shopify-API-Version": store.apiVersion,
    "X-Shopify-Webhook-Id": webhookId,
    "X-Shopify-Triggered-At": new Date().toISOString(),
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
  const delivery = {
    webhookId,
    topic: headerTopic,
    uri: url,
    payload: parsedPayload,
    deliveredAt: isoNow(),
    status: null as number | null,
    error: null as string | null,
    automatic,
  };
  store.state.webhookDeliveries.push(delivery);
  try {
    const response = await store.realFetch(url, { method: "POST", headers, body: rawBody, redirect: "manual" });
    delivery.status = response.status;
    store.log(`webhook ${headerTopic} -> ${url}: ${response.status}`);
    return response;
  } catch (error) {
    delivery.error = error instanceof Error ? error.message : String(error);
    store.log(`webhook ${headerTopic} -> ${url} failed: ${delivery.error}`);
    throw error;
  }
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
