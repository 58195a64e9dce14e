/**
 * Reads the app's webhook subscriptions from shopify.app.toml
 * ([[webhooks.subscriptions]] with `topics` and/or `compliance_topics`).
 */
import { readFileSync } from "node:fs";
import { parse } from "smol-toml";
import type { WebhookSubscription } from "./types";

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export function readAppWebhookSubscriptions(tomlPath: string): WebhookSubscription[] {
  const config = parse(readFileSync(tomlPath, "utf8")) as Record<string, unknown>;
  const webhooks = config.webhooks as { subscriptions?: unknown } | undefined;
  const subscriptions = Array.isArray(webhooks?.subscriptions) ? webhooks.subscriptions : [];
  const result: WebhookSubscription[] = [];
  for (const entry of subscriptions as Array<Record<string, unknown>>) {
    const uri = typeof entry.uri === "string" ? entry.uri : null;
    if (!uri) continue;
    for (const topic of [...stringArray(entry.topics), ...stringArray(entry.compliance_topics)]) {
      result.push({ topic, uri });
    }
  }
  return result;
}
