/**
 * The storefront probe against real local HTTPS servers: certificates generated at test time
 * (valid from a test CA, expired, self-signed), missing headers, mixed content, redirect
 * loops, a 50 MB page, non-HTML answers, a silent server, and the SSRF guard.
 */
import type http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPublicAddress, resolveAllowed } from "../../adapters/http/address-guard";
import { pageFactsFromHtml } from "../../app/checklist/storefront-probe/html-facts";
import { probeFollow } from "../../app/checklist/storefront-probe/http-client";
import { probeStorefront, type StorefrontProbeOptions } from "../../app/checklist/storefront-probe/probe";
import { generateTestCertificates, type TestCertificates } from "./support/certs";
import { html, startHttpFixture, startHttpsFixture, type FixtureServer } from "./support/fixture-storefront";
import { GOOD_HEADERS, GOOD_PAGES } from "./support/storefront-pages";

let certs: TestCertificates;
const servers: FixtureServer[] = [];

beforeAll(() => {
  certs = generateTestCertificates();
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  certs?.cleanup();
});

async function https(tls: { key: string; cert: string }, routes: Parameters<typeof startHttpsFixture>[1]) {
  const server = await startHttpsFixture(tls, routes);
  servers.push(server);
  return server;
}

const devOptions = (extra: Partial<StorefrontProbeOptions> = {}): StorefrontProbeOptions => ({
  platform: "shopify",
  allowPrivateAddresses: true,
  ca: certs.caPem,
  minIntervalMs: 0,
  requestTimeoutMs: 3_000,
  ...extra,
});

describe("a well-kept storefront", () => {
  it("reads TLS, the redirect, headers, pages, footer links, cookies and markers", async () => {
    const store = await https(certs.valid, {
      "/": html(GOOD_PAGES.home, GOOD_HEADERS),
      "/products/bougie-figue": html(GOOD_PAGES.product),
      "/cart": html(GOOD_PAGES.cart, { "Set-Cookie": "cart=1; Secure; HttpOnly; SameSite=Lax" }),
      "/pages/contact": html(GOOD_PAGES.contact),
      "/policies/legal-notice": html("<h1>Mentions légales</h1>"),
      "/.well-known/security.txt": (_q, r) => r.writeHead(200, { "Content-Type": "text/plain" }).end("Contact: mailto:security@example.fr\nExpires: 2030-01-01T00:00:00Z\n"),
    });
    const plain = await startHttpFixture({ "/": (_q, r: http.ServerResponse) => r.writeHead(301, { Location: `${store.url}/` }).end() });
    servers.push(plain);

    const facts = await probeStorefront(store.url, devOptions({ httpUrl: `${plain.url}/`, legalPages: [{ kind: "legal-notice", url: `${store.url}/policies/legal-notice` }, { kind: "privacy", url: "https://elsewhere.example/privacy" }] }));

    expect(facts.status).toBe("ok");
    expect(facts.tls).toMatchObject({ authorized: true, authorizationError: null, coversHost: true });
    expect(facts.tls?.daysLeft).toBeGreaterThan(80);
    expect(["TLSv1.2", "TLSv1.3"]).toContain(facts.tls?.protocol);
    expect(facts.httpRedirect).toMatchObject({ status: 301, outcome: "same-host-https" });
    expect(facts.headers["strict-transport-security"]).toContain("max-age=31536000");
    expect(facts.headerScore).toEqual({ score: 100, grade: "A+", missing: [] });
    expect(facts.pages.map((p) => p.kind)).toEqual(["home", "product", "cart", "contact", "legal-notice"]);
    const home = facts.pages[0];
    expect(home.footerLinks).toContain(`${store.url}/policies/legal-notice`);
    expect(home.markers).toEqual(expect.arrayContaining(["lang:fr", "cmp:axeptio", "payment-icons", "social:instagram.com", "accessibility-statement", "tel:+33478000000"]));
    expect(home.activeMixedContent).toEqual([]);
    const product = facts.pages[1];
    expect(product.markers).toEqual(expect.arrayContaining(["jsonld:availability", "jsonld:aggregateRating"]));
    expect(facts.pages[3].markers).toContain("contact-form");
    expect(facts.pages[2].markers).not.toContain("preticked-paid-option");
    expect(facts.cookies).toEqual(expect.arrayContaining([{ name: "cart_session", page: "home", secure: true, httpOnly: true, sameSite: "Lax" }]));
    expect(facts.securityTxt).toEqual({ present: true, hasContact: true, hasExpires: true });
    // The privacy URL on another host is not visited.
    expect(facts.pages.some((p) => p.url.includes("elsewhere.example"))).toBe(false);
  });
});

describe("certificates", () => {
  it("reports a self-signed certificate and fetches nothing over it", async () => {
    const store = await https(certs.selfSigned, { "/": html(GOOD_PAGES.home) });
    const facts = await probeStorefront(store.url, devOptions());
    expect(facts.tls).toMatchObject({ authorized: false, authorizationError: "DEPTH_ZERO_SELF_SIGNED_CERT" });
    expect(facts.status).toBe("unreachable");
    expect(facts.error).toMatch(/TLS certificate rejected/);
    expect(facts.pages).toEqual([]);
  });

  it("reports an expired certificate with its date", async () => {
    const store = await https(certs.expired, { "/": html(GOOD_PAGES.home) });
    const facts = await probeStorefront(store.url, devOptions());
    expect(facts.tls).toMatchObject({ authorized: false, authorizationError: "CERT_HAS_EXPIRED", validTo: "2020-02-01T00:00:00.000Z" });
    expect(facts.tls?.daysLeft).toBeLessThan(0);
    expect(facts.status).toBe("unreachable");
  });
});

describe("a neglected storefront", () => {
  it("scores missing headers low and lists active and passive mixed content", async () => {
    const neglected = `<html><head><script src="http://cdn.example/jquery.js"></script><script src="//cdn.example/lib.js"></script>
      <link rel="stylesheet" href="http://cdn.example/site.css"></head><body><img src="http://cdn.example/logo.png">
      <div style="background:url(http://cdn.example/bg.jpg)"></div><form action="http://shop.example/search"></form></body></html>`;
    const store = await https(certs.valid, { "/": html(neglected, { "Set-Cookie": "session_id=1; Path=/" }) });
    const facts = await probeStorefront(store.url, devOptions({ httpUrl: `${store.url.replace("https", "http")}/` }));
    expect(facts.status).toBe("ok");
    expect(facts.headerScore?.grade).toBe("F");
    expect(facts.headerScore?.missing).toEqual(expect.arrayContaining(["Content-Security-Policy", "Strict-Transport-Security", "X-Frame-Options or frame-ancestors", "Secure flag on cookies"]));
    const home = facts.pages[0];
    expect(home.activeMixedContent).toEqual(expect.arrayContaining(["http://cdn.example/jquery.js", "//cdn.example/lib.js", "http://cdn.example/site.css", "http://shop.example/search"]));
    expect(home.passiveMixedContent).toEqual(expect.arrayContaining(["http://cdn.example/logo.png", "http://cdn.example/bg.jpg"]));
    // Plain HTTP on an HTTPS port does not answer with a redirect.
    expect(facts.httpRedirect?.outcome === "error" || facts.httpRedirect?.outcome === "none").toBe(true);
    expect(facts.cookies).toEqual([{ name: "session_id", page: "home", secure: false, httpOnly: false, sameSite: null }]);
  });

  it("flags a pre-ticked paid option in the cart", async () => {
    const cart = `<html><body><form><input type="checkbox" name="shipping_protection" checked> Protection colis +2,50 €</form></body></html>`;
    const store = await https(certs.valid, { "/": html(GOOD_PAGES.home), "/cart": html(cart) });
    const facts = await probeStorefront(store.url, devOptions());
    expect(facts.pages.find((p) => p.kind === "cart")?.markers).toContain("preticked-paid-option");
  });
});

describe("caps and hostile answers", () => {
  it("stops reading a 50 MB page at the byte cap", async () => {
    const chunk = Buffer.alloc(1024 * 1024, "a");
    const store = await https(certs.valid, {
      "/": (_q, r) => {
        r.writeHead(200, { "Content-Type": "text/html" });
        let sent = 0;
        const pump = () => {
          while (sent < 50 && r.write(chunk)) sent += 1;
          if (sent >= 50) r.end();
          else r.once("drain", () => { sent += 1; pump(); });
        };
        r.on("error", () => undefined);
        pump();
      },
    });
    const facts = await probeStorefront(store.url, devOptions({ maxBytesPerPage: 512 * 1024 }));
    expect(facts.status).toBe("ok");
    expect(facts.pages[0]).toMatchObject({ truncated: true, bytes: 512 * 1024 });
  });

  it("refuses a redirect loop without failing the whole probe", async () => {
    const store = await https(certs.valid, {
      "/": html(GOOD_PAGES.home),
      "/cart": (_q, r) => r.writeHead(302, { Location: "/cart-2" }).end(),
      "/cart-2": (_q, r) => r.writeHead(302, { Location: "/cart" }).end(),
    });
    await expect(probeFollow(`${store.url}/cart`, { allowPrivate: true, ca: certs.caPem, timeoutMs: 2000, maxBytes: 1000, maxRedirects: 5, userAgent: "t" })).rejects.toMatchObject({ code: "REDIRECT_LOOP" });
    const facts = await probeStorefront(store.url, devOptions());
    expect(facts.status).toBe("ok");
    expect(facts.pages.some((p) => p.kind === "cart")).toBe(false);
  });

  it("bounds the number of redirects", async () => {
    let hop = 0;
    const store = await https(certs.valid, { "/r": (_q, r) => r.writeHead(302, { Location: `/r?${(hop += 1)}` }).end() });
    await expect(probeFollow(`${store.url}/r`, { allowPrivate: true, ca: certs.caPem, timeoutMs: 2000, maxBytes: 1000, maxRedirects: 3, userAgent: "t" })).rejects.toMatchObject({ code: "TOO_MANY_REDIRECTS" });
  });

  it("records a non-HTML home page without parsing it", async () => {
    const store = await https(certs.valid, { "/": (_q, r) => r.writeHead(200, { "Content-Type": "application/octet-stream" }).end(Buffer.alloc(2048)) });
    const facts = await probeStorefront(store.url, devOptions());
    expect(facts.pages[0]).toMatchObject({ contentType: "application/octet-stream", text: "", markers: [] });
  });

  it("gives up on a server that never answers", async () => {
    const store = await https(certs.valid, { "/": () => undefined });
    const facts = await probeStorefront(store.url, devOptions({ requestTimeoutMs: 300 }));
    expect(facts.status).toBe("unreachable");
    expect(facts.error).toMatch(/within 300 ms/);
  });

  it("reports a storefront that cannot be resolved as unreachable (the seed's real domain, offline)", async () => {
    const facts = await probeStorefront("https://www.atelier-lumiere.fr", { platform: "shopify", minIntervalMs: 0, requestTimeoutMs: 3000 });
    expect(facts.status === "unreachable" || facts.status === "ok").toBe(true);
    if (facts.status === "unreachable") expect(facts.error).toBeTruthy();
  });

  it("does not fetch a locked storefront", async () => {
    const facts = await probeStorefront("https://127.0.0.1:1", devOptions({ locked: true }));
    expect(facts).toMatchObject({ status: "locked", requests: 0 });
  });
});

describe("SSRF guard", () => {
  it.each([
    ["127.0.0.1", false], ["10.1.2.3", false], ["172.20.0.1", false], ["192.168.1.1", false], ["169.254.169.254", false], ["100.64.0.1", false],
    ["0.0.0.0", false], ["::1", false], ["fe80::1", false], ["fd00::1", false], ["::ffff:127.0.0.1", false], ["::ffff:10.0.0.1", false],
    ["8.8.8.8", true], ["2a00:1450:4007:80e::2003", true], ["::ffff:8.8.8.8", true],
  ])("%s is public: %s", (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  it("refuses loopback and names resolving to it unless explicitly allowed", async () => {
    const store = await https(certs.valid, { "/": html(GOOD_PAGES.home) });
    const facts = await probeStorefront(store.url, { platform: "shopify", ca: certs.caPem, minIntervalMs: 0 });
    expect(facts).toMatchObject({ status: "refused", pages: [], requests: 1 });
    expect(facts.error).toMatch(/non-public address 127\.0\.0\.1/);
    await expect(resolveAllowed("localhost", false)).rejects.toThrow(/non-public/);
    await expect(resolveAllowed("localhost", true)).resolves.toBeTruthy();
  });

  it("refuses the cloud metadata address", async () => {
    const options = { allowPrivate: false, timeoutMs: 500, maxBytes: 1000, maxRedirects: 3, userAgent: "t" };
    await expect(probeFollow("http://169.254.169.254/latest/meta-data/", options)).rejects.toThrow(/non-public address 169\.254\.169\.254/);
  });
});

describe("hostile markup", () => {
  // Pages built to make naive regex parsing quadratic (minutes of CPU on the scan worker).
  // Each must be read in one pass; the suite's timeout would catch a regression, and
  // bench/checklist-evaluate.ts prints the figures.
  const HOSTILE = {
    "unclosed JSON-LD scripts": '<script type="application/ld+json">x'.repeat(50_000),
    "unclosed forms": "<form><input>".repeat(150_000),
    "repeated contentinfo": '<div role="contentinfo">'.repeat(80_000),
    "only '<'": "<".repeat(2_000_000),
    "unterminated attribute": `<a href="${"a".repeat(1_900_000)}`,
  };

  it.each(Object.entries(HOSTILE))("%s is parsed, not choked on", (_name, html) => {
    const facts = pageFactsFromHtml(html, "https://shop.example/");
    expect(facts.text.length).toBeLessThanOrEqual(20_000);
    expect(Array.isArray(facts.markers)).toBe(true);
  });

  it("still finds what matters around hostile noise", () => {
    const html = `${"<".repeat(100_000)}<footer><a href="/policies/legal-notice">Mentions légales</a></footer><form><input type="hidden" name="form_type" value="contact"><textarea></textarea></form>`;
    const facts = pageFactsFromHtml(html, "https://shop.example/");
    expect(facts.footerLinks).toContain("https://shop.example/policies/legal-notice");
    expect(facts.markers).toContain("contact-form");
  });
});
