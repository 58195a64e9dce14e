/**
 * The production HTTP server (server/http-server.mjs, also the demo's) over the app's real build
 * (`npm run build` first): static assets go out compressed for a browser that accepts it, the
 * fingerprinted ones cached for a year as immutable; pages are compressed too.
 */
import { readdirSync } from "node:fs";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppHandler, listen, loadServerBuild } from "../../server/http-server.mjs";

let server: Server;
let base: string;

beforeAll(async () => {
  const build = await loadServerBuild();
  server = await listen(createAppHandler(build), 0, "127.0.0.1");
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())));

const builtAsset = (extension: string) => {
  const file = readdirSync("build/client/assets").find((name) => name.endsWith(extension));
  if (!file) throw new Error(`no ${extension} file in build/client/assets: run npm run build`);
  return `/assets/${file}`;
};

describe("production HTTP server", () => {
  it.each([".css", ".js"])("sends built %s assets compressed to a browser that accepts it, immutable for a year", async (extension) => {
    const path = builtAsset(extension);
    const raw = await fetch(`${base}${path}`, { headers: { "Accept-Encoding": "identity" } });
    const rawBytes = (await raw.arrayBuffer()).byteLength;
    expect(raw.headers.get("content-encoding")).toBeNull();

    // Node's fetch would decode the body itself: ask for one encoding and read the headers.
    for (const encoding of ["br", "gzip"]) {
      const compressed = await fetch(`${base}${path}`, { headers: { "Accept-Encoding": encoding } });
      expect(compressed.status).toBe(200);
      expect(compressed.headers.get("content-encoding")).toBe(encoding);
      expect(compressed.headers.get("vary")).toMatch(/accept-encoding/i);
      expect(compressed.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(rawBytes).toBeGreaterThan(0);
    }
  });

  it("sends pages compressed too, never cached as immutable", async () => {
    const page = await fetch(`${base}/woocommerce/connect`, { headers: { "Accept-Encoding": "gzip" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.headers.get("content-encoding")).toBe("gzip");
    expect(page.headers.get("vary")).toMatch(/accept-encoding/i);
    expect(page.headers.get("cache-control") ?? "").not.toMatch(/immutable/);
    expect(await page.text()).toContain("<html"); // decoded by fetch: a whole page went out
  });

  it("compresses the CSS to a fraction of its size", async () => {
    const path = builtAsset(".css");
    const raw = Buffer.from(await (await fetch(`${base}${path}`, { headers: { "Accept-Encoding": "identity" } })).arrayBuffer());
    const wire = await new Promise<number>((resolve, reject) => {
      // node:http does not decode: the byte count is what went over the wire.
      import("node:http").then(({ get }) =>
        get(`${base}${path}`, { headers: { "Accept-Encoding": "br" } }, (response) => {
          let bytes = 0;
          response.on("data", (chunk: Buffer) => (bytes += chunk.length));
          response.on("end", () => resolve(bytes));
          response.on("error", reject);
        }).on("error", reject),
      );
    });
    expect(wire).toBeLessThan(raw.length / 4);
  });
});
