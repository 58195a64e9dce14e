/**
 * Every route that reads a body bounds it while streaming (app/http/bounded-body.server.ts) and,
 * where it can, authenticates first: a 10 MB post costs the app a few KB, not 10 MB (and never
 * twice that echoed back). The bodies here are streams that count what the app pulled from them.
 */
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.SHOPIFY_APP_URL = "https://rassure.test";
});

import { FORM_MAX_BYTES } from "../../app/http/bounded-body.server";
import { action as adminAction } from "../../app/routes/woocommerce.admin";
import { action as connectAction } from "../../app/routes/woocommerce.connect";

const TEN_MB = 10 * 1024 * 1024;
const CHUNK = 16 * 1024;

/** A url-encoded body of `total` bytes made on demand; `pulled()` says how much the reader took. */
function countingBody(total: number) {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const size = Math.min(CHUNK, total - sent);
      const chunk = new Uint8Array(size).fill(0x61); // "a"
      if (sent === 0) chunk.set(new TextEncoder().encode("store="));
      sent += size;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => sent };
}

function post(url: string, body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return new Request(url, { method: "POST", body, duplex: "half", headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers } } as RequestInit);
}

/** The action's answer, thrown or returned (readBoundedForm throws its refusal as a Response). */
async function answer(run: () => Promise<unknown>): Promise<Response> {
  const result = await run().catch((thrown: unknown) => thrown);
  expect(result).toBeInstanceOf(Response);
  return result as Response;
}

const call = { params: {}, context: {} };

describe("request bodies", () => {
  it("a 10 MB post to the unauthenticated connect form gets a small 413 after reading a few KB (streamed, no length given)", async () => {
    const body = countingBody(TEN_MB);
    const response = await answer(() => connectAction({ request: post("https://rassure.test/woocommerce/connect", body.stream), ...call }));
    expect(response.status).toBe(413);
    expect((await response.arrayBuffer()).byteLength).toBeLessThan(1024);
    expect(body.pulled()).toBeLessThanOrEqual(FORM_MAX_BYTES + CHUNK);
  });

  it("a declared 10 MB length is refused before a byte is read", async () => {
    const body = countingBody(TEN_MB);
    const response = await answer(() => connectAction({ request: post("https://rassure.test/woocommerce/connect", body.stream, { "Content-Length": String(TEN_MB) }), ...call }));
    expect(response.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(CHUNK);
  });

  it("the wp-admin page refuses a post without a valid session before reading its body", async () => {
    const body = countingBody(TEN_MB);
    const url = "https://rassure.test/woocommerce/admin?store=shop.example";
    const response = await answer(() => adminAction({ request: post(url, body.stream, { "X-Rassure-Admin-Session": "forged.token" }), ...call }));
    expect(response.status).toBe(403);
    expect(body.pulled()).toBeLessThanOrEqual(CHUNK); // at most what the stream had buffered ahead
  });

  it("the connect form echoes at most an address's worth of what was typed", async () => {
    const typed = `https://${"x".repeat(6_000)}.example`;
    const result = (await connectAction({ request: new Request("https://rassure.test/woocommerce/connect", { method: "POST", body: new URLSearchParams({ store: typed }) }), ...call })) as { problem: string; store: string };
    expect(result.problem).toBe("invalid-url");
    expect(result.store.length).toBeLessThanOrEqual(2_048);
  });
});
