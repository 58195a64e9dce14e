/**
 * Rassure's webhooks on a WooCommerce store: one per topic, pointing at the app's receiver,
 * signed with the shop's own secret. Reconciling is idempotent: webhooks of ours that are
 * paused/disabled (WooCommerce disables a webhook after repeated delivery failures) or carry
 * an old URL are deleted and recreated. "Ghost" webhooks (empty topic and URL, left by
 * WooCommerce when a webhook is deleted with deliveries queued) are ignored.
 */
import { array, parse } from "./parse";
import { webhookParser, type WooWebhook } from "./resources";
import type { WooRestClient } from "./rest-client";

export const RASSURE_WEBHOOK_TOPICS = ["order.updated", "order.created"] as const;
const NAME_PREFIX = "Rassure";

export interface WebhookSetup {
  deliveryUrl: string;
  secret: string;
  topics?: readonly string[];
}

export async function listWooWebhooks(client: WooRestClient): Promise<WooWebhook[]> {
  return parse(array(webhookParser), await client.getAll("webhooks", { status: "all" }), "webhooks").filter((w) => w.topic && w.delivery_url);
}

/** Same host and path as our receiver (the query names the shop and may change); other plugins' URLs may be anything. */
function isOurs(webhook: WooWebhook, deliveryUrl: string): boolean {
  try {
    const theirs = new URL(webhook.delivery_url);
    const ours = new URL(deliveryUrl);
    return theirs.host === ours.host && theirs.pathname === ours.pathname;
  } catch {
    return false;
  }
}

/** Makes the store's webhooks match `setup`; returns what changed. */
export async function ensureWooWebhooks(client: WooRestClient, setup: WebhookSetup): Promise<{ created: string[]; removed: number[] }> {
  const topics = setup.topics ?? RASSURE_WEBHOOK_TOPICS;
  const ours = (await listWooWebhooks(client)).filter((w) => isOurs(w, setup.deliveryUrl));
  const removed: number[] = [];
  const kept = new Set<string>();
  for (const webhook of ours) {
    const healthy = webhook.status === "active" && webhook.delivery_url === setup.deliveryUrl && topics.includes(webhook.topic) && !kept.has(webhook.topic);
    if (healthy) {
      // The secret cannot be read back: set it, so a reconnect never leaves an old one.
      await client.request("put", `webhooks/${webhook.id}`, { data: { secret: setup.secret } });
      kept.add(webhook.topic);
      continue;
    }
    await client.request("delete", `webhooks/${webhook.id}`, { params: { force: true } });
    removed.push(webhook.id);
  }
  const created: string[] = [];
  for (const topic of topics) {
    if (kept.has(topic)) continue;
    await client.request("post", "webhooks", { data: { name: `${NAME_PREFIX} ${topic}`, topic, delivery_url: setup.deliveryUrl, secret: setup.secret, status: "active" } });
    created.push(topic);
  }
  return { created, removed };
}

/** Removes every webhook of ours (disconnect). Failures are the caller's to report; keys are forgotten anyway. */
export async function removeWooWebhooks(client: WooRestClient, deliveryUrl: string): Promise<number> {
  const ours = (await listWooWebhooks(client)).filter((w) => isOurs(w, deliveryUrl));
  for (const webhook of ours) await client.request("delete", `webhooks/${webhook.id}`, { params: { force: true } });
  return ours.length;
}
