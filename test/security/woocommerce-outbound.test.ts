/**
 * What the app sends to a WooCommerce store, a host the merchant named: never to a non-public
 * address (the address guard of adapters/http, checked on the resolved IPs), never for longer
 * than its deadline however slowly the store answers, and the unauthenticated connect check
 * cannot be used to flood a third-party host.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.SHOPIFY_APP_URL = "https://rassure.test";
});

import { WooRestClient } from "../../adapters/woocommerce";
import { checkReportedHome, CHECKS_PER_HOST } from "../../app/woocommerce/connect-preflight.server";
import { startConnect } from "../woocommerce/support/connect-flow";

const servers: Server[] = [];

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? "");
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

/** Answers headers at once, then one byte a second for half a minute: no silence long enough for an idle timeout. */
function drip(res: ServerResponse) {
  res.writeHead(200, { "Content-Type": "application/json" });
  let sent = 0;
  const timer = setInterval(() => {
    if (res.destroyed || ++sent > 30) {
      clearInterval(timer);
      res.end();
      return;
    }
    res.write(" ");
  }, 1000);
  res.on("close", () => clearInterval(timer));
}

const keys = { consumerKey: "ck_x", consumerSecret: "cs_x" };
const local = { allowPrivateAddresses: true, maxRetries: 0 };

afterEach(() => {
  delete process.env.RASSURE_WOOCOMMERCE_ALLOW_PRIVATE_HOSTS;
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

describe("deadlines", () => {
  it("a store dripping one byte a second cannot hold a REST call past its deadline", async () => {
    const store = await serve((_req, res) => drip(res));
    const client = new WooRestClient({ storeUrl: store.url, ...keys }, { ...local, timeoutMs: 1_500 });
    const started = Date.now();
    await expect(client.get("system_status")).rejects.toMatchObject({ code: "rassure_deadline", retryable: true });
    // An idle timeout never fires here (a byte every second): only a total deadline ends it.
    expect(Date.now() - started).toBeLessThan(6_000);
  });

  it("nor the read of the public REST index", async () => {
    const store = await serve((req, res) => {
      if (req.url?.startsWith("/wp-json/?")) return drip(res);
      res.writeHead(404, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ code: "rest_no_route", message: "No route", data: { status: 404 } }));
    });
    const client = new WooRestClient({ storeUrl: store.url, ...keys }, { ...local, timeoutMs: 1_500 });
    const started = Date.now();
    // The index is optional (name and timezone): its deadline passes and they stay unknown.
    await expect(client.getRestIndex()).resolves.toMatchObject({ name: "", timezone_string: "", namespaces: ["wc/v3"] });
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(store.hits.some((hit) => hit.startsWith("/wp-json/?"))).toBe(true);
  });
});

describe("address guard", () => {
  it("the REST client refuses a store on a loopback or private address (by IP or by name) before sending anything", async () => {
    const store = await serve((_req, res) => res.end("{}"));
    const port = new URL(store.url).port;
    for (const storeUrl of [store.url, `http://localhost:${port}`, `http://[::1]:${port}`, `http://10.0.0.1:${port}`, `http://169.254.169.254`]) {
      const client = new WooRestClient({ storeUrl, ...keys }, { maxRetries: 2, backoffMs: 1 });
      await expect(client.get("system_status"), storeUrl).rejects.toMatchObject({ code: "rassure_address_refused", retryable: false });
    }
    expect(store.hits).toEqual([]);
  });

  it("the home URL a store reports is checked before the app signs anything for it", async () => {
    await expect(checkReportedHome("http://127.0.0.1:8080/", "https://boutique.example")).rejects.toThrow(/non-public/);
    await expect(checkReportedHome("https://[::ffff:10.0.0.1]/shop", "https://boutique.example")).rejects.toThrow(/non-public/);
    process.env.RASSURE_WOOCOMMERCE_ALLOW_PRIVATE_HOSTS = "1"; // development stores on loopback
    await expect(checkReportedHome("http://127.0.0.1:8080/", "https://boutique.example")).resolves.toBe("http://127.0.0.1:8080");
  });
});

describe("the connect check", () => {
  it("twenty POSTs naming one host send a handful of requests to it, not hundreds", async () => {
    process.env.RASSURE_WOOCOMMERCE_ALLOW_PRIVATE_HOSTS = "1";
    const victim = await serve((_req, res) => {
      res.writeHead(404, { "Content-Type": "text/html" });
      res.end("<html>Not found</html>");
    });
    const answers: string[] = [];
    for (let attempt = 0; attempt < 20; attempt++) {
      // A different path each time, so no answer can simply be reused.
      const answer = await startConnect(`${victim.url}/shop-${attempt}`);
      answers.push(answer instanceof Response ? `redirect ${answer.status}` : answer.problem);
    }
    expect(answers.slice(0, CHECKS_PER_HOST)).toEqual(Array(CHECKS_PER_HOST).fill("rest-blocked"));
    expect(answers.slice(CHECKS_PER_HOST)).toEqual(Array(20 - CHECKS_PER_HOST).fill("too-many-attempts"));
    // Each check: the REST index, then ?rest_route= to tell plain permalinks from a blocked API.
    expect(victim.hits.length).toBeLessThanOrEqual(CHECKS_PER_HOST * 2);
  });
});
