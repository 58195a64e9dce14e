/**
 * One factory for every Shopify webhook route: read the body within limits (size, JSON media
 * type, UTF-8), verify it (HMAC; bad signature → 401), check the topic matches the route, parse
 * safely, check the signed body names the shop the header does, then run the handler once per
 * webhook id, in one transaction with the ledger entry, and answer once that is committed.
 *
 * The path is kept short on purpose (Shopify counts an answer slower than 5 s as a failure): no
 * session is loaded, and deliveries share commits (ledger.server.ts).
 *
 * Each route answers through two doors with the same rules: Remix's action (a web Request), and
 * `receiveNode`, which the production server puts ahead of Express and Remix for the deliveries
 * Shopify sends (server/http-server.mjs): it reads Node's request as is, so a delivery builds no
 * web Request/Response, runs no Express middleware and no Remix route matching.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ActionFunctionArgs } from "@remix-run/node";
import type { WebhookValidationValid } from "@shopify/shopify-api";
import { readBoundedNodeText, readBoundedText, RejectedBody, type BodyLimits } from "../http/bounded-body.server";
import { loggerFor, loggerForNodeRequest, type RequestLogger } from "../logger.server";
import { busyRefusal, processDeliveryOnce, type DeliveryOutcome, type Transaction } from "./ledger.server";
import { isClassicDelivery, verifyClassicDelivery, verifyShopifyWebhook, type HeaderReader } from "./shopify-signature.server";

export interface ShopifyWebhook {
  shop: string;
  topic: string;
  payload: unknown;
  webhookId: string;
  /** When Shopify says the event happened (X-Shopify-Triggered-At); a retry keeps it. */
  triggeredAt: Date | null;
}

export type ShopifyWebhookHandler = (tx: Transaction, webhook: ShopifyWebhook) => Promise<void>;

export interface ShopifyWebhookOptions {
  /**
   * The topic undoes an install (app/uninstalled, shop/redact): a delivery triggered before the
   * shop's current install — Shopify's late retry, or a captured delivery replayed — is
   * acknowledged and changes nothing ("stale"). It must say when it was triggered.
   */
  undoesInstall?: boolean;
  /** Called once a delivery's effects are committed (not for a duplicate or a stale one): a worker to wake. */
  onProcessed?: () => void;
}

/** Shopify's largest payloads (orders with hundreds of lines) stay well under this. */
export const MAX_WEBHOOK_BYTES = 5 * 1024 * 1024;

const WEBHOOK_BODY: BodyLimits = { maxBytes: MAX_WEBHOOK_BYTES, mediaTypes: ["application/json"] };

/** What a delivery is answered, whichever door it came through. */
interface WebhookAnswer {
  status: number;
  /** A plain-text reason for a refusal, read by whoever looks at Shopify's delivery log. */
  message?: string;
  headers?: Record<string, string>;
}

const refusal = (status: number, message: string): WebhookAnswer => ({ status, message });

function toResponse({ status, message, headers }: WebhookAnswer): Response {
  return new Response(message ?? null, { status, headers: message === undefined ? headers : { "Content-Type": "text/plain; charset=utf-8", ...headers } });
}

function writeAnswer(res: ServerResponse, { status, message, headers }: WebhookAnswer): void {
  if (message === undefined) return void res.writeHead(status, headers).end();
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", ...headers }).end(message);
}

/**
 * The shop a signed body names: compliance topics say `shop_domain`, the Shop resource
 * (app/uninstalled, shop/update) `myshopify_domain`. Undefined when the body names none.
 */
function shopNamedByBody(payload: unknown): unknown {
  if (typeof payload !== "object" || payload === null) return undefined;
  const body = payload as Record<string, unknown>;
  return body.shop_domain ?? body.myshopify_domain ?? undefined;
}

/** "2023-03-29T18:00:27.877041743Z" (Shopify writes nanoseconds) → Date; null when not such a time. */
export function parseTriggeredAt(value: string | undefined): Date | null {
  const match = value?.trim().match(/^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
  if (!match) return null;
  const date = new Date(`${match[1]}${(match[2] ?? "").slice(0, 4)}${match[3]}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Whether the shop was (re)installed after the event: then the event is about an install that is gone. */
async function olderThanInstall(tx: Transaction, shop: string, triggeredAt: Date): Promise<boolean> {
  const record = await tx.shop.findUnique({ where: { platform_domain: { platform: "shopify", domain: shop } }, select: { installedAt: true } });
  return record !== null && triggeredAt < record.installedAt;
}

interface WebhookRoute {
  topic: string;
  handler: ShopifyWebhookHandler;
  options: ShopifyWebhookOptions;
}

/** After the signature: the route's topic, the JSON, the shop the body names, then the delivery, once. */
async function answerVerified(route: WebhookRoute, verified: WebhookValidationValid, body: string, logger: RequestLogger): Promise<WebhookAnswer> {
  const { topic, handler, options } = route;
  if (verified.topic !== topic) return refusal(400, `This endpoint receives ${topic} webhooks, not ${verified.topic}.`);
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    // The signature was valid but the body is not JSON: Shopify would retry forever, so say why and stop it.
    return refusal(400, "Malformed JSON body.");
  }
  const webhook: ShopifyWebhook = { shop: verified.domain, topic: verified.topic, payload, webhookId: verified.webhookId, triggeredAt: parseTriggeredAt(verified.triggeredAt) };
  const named = shopNamedByBody(payload);
  if (named !== undefined && named !== webhook.shop) {
    logger.warn("webhook body names another shop than its header", { shop: webhook.shop, webhookId: webhook.webhookId });
    return refusal(400, "The shop named in the signed body is not the shop in X-Shopify-Shop-Domain.");
  }
  if (options.undoesInstall && !webhook.triggeredAt) {
    return refusal(400, "X-Shopify-Triggered-At is missing or is not a time: cannot tell whether this event predates the current install.");
  }
  let stale = false;
  let outcome: DeliveryOutcome;
  try {
    outcome = await processDeliveryOnce({ platform: "shopify", deliveryId: webhook.webhookId, topic: webhook.topic, shopDomain: webhook.shop }, async (tx) => {
      stale = Boolean(options.undoesInstall && webhook.triggeredAt && (await olderThanInstall(tx, webhook.shop, webhook.triggeredAt)));
      if (!stale) await handler(tx, webhook);
    });
  } catch (error) {
    const busy = busyRefusal(error); // the backlog is full: 503 + Retry-After, Shopify retries
    if (busy) return busy;
    throw error;
  }
  const reported = outcome === "processed" && stale ? "stale" : outcome;
  if (reported === "stale") logger.warn("webhook older than the shop's current install: ignored", { shop: webhook.shop, webhookId: webhook.webhookId, triggeredAt: webhook.triggeredAt?.toISOString() });
  else logger.info("webhook handled", { shop: webhook.shop, webhookId: webhook.webhookId, outcome });
  if (reported === "processed") options.onProcessed?.();
  return { status: 200, headers: { "X-Rassure-Delivery": reported } };
}

/**
 * The Node door: takes a request (answers true) when it is a POST signed the classic way, as
 * every delivery Shopify sends to an HTTPS subscription is; anything else (an Events delivery, a
 * request with no signature) it leaves to the Remix action, which answers it as before.
 */
export type NodeWebhookReceiver = (request: IncomingMessage, response: ServerResponse) => boolean;

function nodeReceiver(route: WebhookRoute): NodeWebhookReceiver {
  async function receive(request: IncomingMessage, response: ServerResponse, header: HeaderReader) {
    const logger = loggerForNodeRequest(request, { topic: route.topic });
    let answer: WebhookAnswer;
    try {
      const body = await readBoundedNodeText(request, WEBHOOK_BODY);
      answer = await answerVerified(route, verifyClassicDelivery(header, body), body, logger);
    } catch (error) {
      answer = refused(error, logger) ?? { status: 500, message: "The delivery could not be recorded; it will be retried." };
      if (answer.status === 500) logger.error("webhook failed", { error });
      // The rest of a refused body is not read: close the connection rather than keep it for the next request.
      if (answer.status === 413) answer.headers = { ...answer.headers, Connection: "close" };
    }
    writeAnswer(response, answer);
  }
  return (request, response) => {
    if (request.method !== "POST") return false;
    const header: HeaderReader = (name) => {
      const value = request.headers[name.toLowerCase()];
      return typeof value === "string" ? value : null;
    };
    if (!isClassicDelivery(header)) return false;
    receive(request, response, header).catch((error) => {
      // Only writing the answer can get here (the socket went away): never an unhandled rejection.
      loggerForNodeRequest(request, { topic: route.topic }).error("webhook answer not sent", { error });
      response.destroy();
    });
    return true;
  };
}

/** A refusal thrown while reading or verifying (a RejectedBody, a Response), as an answer; null for anything else. */
function refused(error: unknown, logger: RequestLogger): WebhookAnswer | null {
  if (error instanceof RejectedBody) {
    logger.warn("webhook refused before authentication", { status: error.status, reason: error.message });
    return refusal(error.status, error.message);
  }
  if (error instanceof Response) {
    logger.warn("webhook not authenticated", { status: error.status }); // 401 bad HMAC, 400 missing headers, 405 not POST
    return { status: error.status };
  }
  return null;
}

/** Remix's action for the route, carrying the route's Node door (`receiveNode`) for the production server. */
export type ShopifyWebhookAction = ((args: ActionFunctionArgs) => Promise<Response>) & { receiveNode: NodeWebhookReceiver };

/** `topic` is Shopify's storage form, e.g. "APP_UNINSTALLED" for app/uninstalled. */
export function shopifyWebhookAction(topic: string, handler: ShopifyWebhookHandler, options: ShopifyWebhookOptions = {}): ShopifyWebhookAction {
  const route: WebhookRoute = { topic, handler, options };
  async function action({ request }: ActionFunctionArgs): Promise<Response> {
    if (request.method !== "POST") return toResponse(refusal(405, "Webhooks are POSTed."));
    const logger = loggerFor(request, { topic });
    let answer: WebhookAnswer;
    try {
      const body = await readBoundedText(request, WEBHOOK_BODY);
      answer = await answerVerified(route, await verifyShopifyWebhook(request, body), body, logger);
    } catch (error) {
      const refusedAnswer = refused(error, logger);
      if (!refusedAnswer) throw error;
      if (error instanceof Response) throw error; // as verified: Remix answers the thrown Response
      answer = refusedAnswer;
    }
    return toResponse(answer);
  }
  return Object.assign(action, { receiveNode: nodeReceiver(route) });
}
