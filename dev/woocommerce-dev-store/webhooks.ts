/**
 * Webhooks: CRUD under wc/v3/webhooks and deliveries as WC_Webhook sends them — the REST
 * representation of the resource as JSON, signed with base64(HMAC-SHA256(raw body, secret))
 * in X-WC-Webhook-Signature, plus the other X-WC-Webhook-* headers. Creating an active
 * webhook sends the ping (`webhook_id=<id>`, form-encoded, unsigned) first.
 *
 * X-WC-Webhook-Delivery-ID is what WC_Webhook::get_new_delivery_id computes:
 * wp_hash(webhook id . current second), so every delivery of one webhook within the same
 * second carries the same id (a bulk action or a WP-Cron batch sends several).
 */
import { createHmac, randomBytes } from "node:crypto";
import { wooWebhookSignature } from "../../adapters/woocommerce/webhook-signature";
import { isPrivateHost, isoNow, type WooStoreContext } from "./context";
import { json, paginated, wpError } from "./responses";
import type { JsonObject, SendWooWebhookOptions, WebhookRecord } from "./types";

const TOPIC_HOOKS: Record<string, string[]> = {
  "order.created": ["woocommerce_new_order"],
  "order.updated": ["woocommerce_update_order", "woocommerce_order_refunded"],
  "order.deleted": ["wp_trash_post"],
  "order.restored": ["untrashed_post"],
};

function representation(store: WooStoreContext, webhook: WebhookRecord): JsonObject {
  const { secret: _secret, ...visible } = webhook;
  const self = `${store.homeUrl}/wp-json/wc/v3/webhooks/${webhook.id}`;
  return {
    ...visible,
    date_created_gmt: webhook.date_created,
    date_modified_gmt: webhook.date_modified,
    _links: { self: [{ href: self }], collection: [{ href: `${store.homeUrl}/wp-json/wc/v3/webhooks` }] },
  };
}

async function post(store: WooStoreContext, url: string, init: RequestInit): Promise<Response> {
  if (!store.allowPrivateTargets && isPrivateHost(new URL(url).hostname)) {
    throw new Error(`wp_safe_remote_post refused a private/loopback host: ${url}`);
  }
  return store.outboundFetch(url, { ...init, method: "POST", redirect: "manual", signal: AbortSignal.timeout(5000) });
}

async function ping(store: WooStoreContext, webhook: WebhookRecord): Promise<void> {
  try {
    const response = await post(store, webhook.delivery_url, {
      headers: { "Content-Type": "application/x-www-form-urlencoded", "User-Agent": "WooCommerce/8.9.1 Hookshot (WordPress/6.5.3)" },
      body: `webhook_id=${webhook.id}`,
    });
    await response.body?.cancel();
    store.deliveries.push({ webhookId: webhook.id, deliveryId: "ping", topic: "ping", rawBody: "", url: webhook.delivery_url, status: response.status, error: null });
  } catch (error) {
    store.deliveries.push({ webhookId: webhook.id, deliveryId: "ping", topic: "ping", rawBody: "", url: webhook.delivery_url, status: null, error: String(error) });
  }
}

/** wp_hash(): HMAC-MD5 keyed with the site's auth salt. */
function wpHash(store: WooStoreContext, data: string): string {
  return createHmac("md5", store.salt).update(data).digest("hex");
}

export function newDeliveryId(store: WooStoreContext, webhook: WebhookRecord): string {
  return wpHash(store, `${webhook.id}${Math.floor(store.clock() / 1000)}`);
}

/** Sends one signed delivery and records it; returns the receiver's response (or null on network failure). */
export async function deliver(store: WooStoreContext, webhook: WebhookRecord, payload: unknown, opts: SendWooWebhookOptions = {}): Promise<Response | null> {
  const rawBody = opts.rawBody ?? JSON.stringify(payload);
  const deliveryId = opts.deliveryId ?? newDeliveryId(store, webhook);
  const headers = {
    "Content-Type": "application/json",
    "User-Agent": "WooCommerce/8.9.1 Hookshot (WordPress/6.5.3)",
    "X-WC-Webhook-Source": `${store.homeUrl}/`,
    "X-WC-Webhook-Topic": webhook.topic,
    "X-WC-Webhook-Resource": webhook.resource,
    "X-WC-Webhook-Event": webhook.event,
    "X-WC-Webhook-Signature": wooWebhookSignature(rawBody, opts.secret ?? webhook.secret),
    "X-WC-Webhook-ID": String(webhook.id),
    "X-WC-Webhook-Delivery-ID": deliveryId,
  };
  const entry = { webhookId: webhook.id, deliveryId, topic: webhook.topic, rawBody, url: webhook.delivery_url, status: null as number | null, error: null as string | null };
  store.deliveries.push(entry);
  try {
    const response = await post(store, webhook.delivery_url, { headers, body: rawBody });
    entry.status = response.status;
    return response;
  } catch (error) {
    entry.error = error instanceof Error ? error.message : String(error);
    return null;
  }
}

/** Fires `resource.event` for every active webhook on that topic, in the background (WP-Cron). */
export function fireTopic(store: WooStoreContext, topic: string, payload: unknown): void {
  for (const webhook of store.state.webhooks) {
    if (webhook.status !== "active" || webhook.topic !== topic) continue;
    const delivery = deliver(store, webhook, payload).then((response) => response?.body?.cancel());
    store.pending.add(delivery);
    void delivery.finally(() => store.pending.delete(delivery));
  }
}

function validDeliveryUrl(value: unknown): value is string {
  if (typeof value !== "string") return false;
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

async function create(store: WooStoreContext, body: JsonObject): Promise<Response> {
  const topic = typeof body.topic === "string" ? body.topic : "";
  if (!TOPIC_HOOKS[topic] && !/^action\.[\w-]+$/.test(topic)) return wpError("rest_invalid_param", "Invalid parameter(s): topic", 400);
  if (!validDeliveryUrl(body.delivery_url)) return wpError("rest_invalid_param", "Invalid parameter(s): delivery_url", 400);
  const [resource, event] = topic.split(".");
  const webhook: WebhookRecord = {
    id: store.state.nextId.webhook++,
    name: typeof body.name === "string" && body.name ? body.name : `Webhook created on ${isoNow()}`,
    status: body.status === "paused" || body.status === "disabled" ? body.status : "active",
    topic,
    resource,
    event,
    hooks: TOPIC_HOOKS[topic] ?? [],
    delivery_url: body.delivery_url,
    secret: typeof body.secret === "string" && body.secret ? body.secret : randomBytes(24).toString("base64url"),
    date_created: isoNow(),
    date_modified: null,
  };
  store.state.webhooks.push(webhook);
  if (webhook.status === "active") await ping(store, webhook);
  return json(representation(store, webhook), 201, { Location: `${store.homeUrl}/wp-json/wc/v3/webhooks/${webhook.id}` });
}

/** Routes `wc/v3/webhooks[/<id>]`. */
export async function webhooksRoute(store: WooStoreContext, method: string, rest: string[], url: URL, body: JsonObject | null): Promise<Response | null> {
  const webhooks = store.state.webhooks;
  if (rest.length === 0) {
    if (method === "GET") {
      const status = url.searchParams.get("status");
      const listed = webhooks.filter((w) => !status || status === "all" || w.status === status);
      return paginated(listed.map((w) => representation(store, w)), url, store.homeUrl);
    }
    if (method === "POST") return create(store, body ?? {});
    return null;
  }
  const webhook = webhooks.find((w) => String(w.id) === rest[0]);
  if (rest.length !== 1) return null;
  if (!webhook) return wpError("woocommerce_rest_webhook_invalid_id", "Invalid ID.", 404);
  if (method === "GET") return json(representation(store, webhook));
  if (method === "PUT" || method === "POST" || method === "PATCH") {
    const patch = body ?? {};
    if (patch.status === "active" || patch.status === "paused" || patch.status === "disabled") webhook.status = patch.status;
    if (typeof patch.name === "string") webhook.name = patch.name;
    if (typeof patch.secret === "string" && patch.secret) webhook.secret = patch.secret;
    if (patch.delivery_url !== undefined) {
      if (!validDeliveryUrl(patch.delivery_url)) return wpError("rest_invalid_param", "Invalid parameter(s): delivery_url", 400);
      webhook.delivery_url = patch.delivery_url;
    }
    webhook.date_modified = isoNow();
    return json(representation(store, webhook));
  }
  if (method === "DELETE") {
    if (url.searchParams.get("force") !== "true") {
      return wpError("woocommerce_rest_trash_not_supported", "Webhooks do not support trashing.", 501);
    }
    store.state.webhooks = webhooks.filter((w) => w !== webhook);
    return json(representation(store, webhook));
  }
  return null;
}
