/** `rassure scan` end to end through the CLI entry (cli/index.ts main), as an agency or CI runs it. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../cli/index";
import { startWooCommerceDevStore, type WooCommerceDevStore } from "../../dev/woocommerce-dev-store";

async function run(...args: string[]) {
  let out = "";
  let err = "";
  const code = await main(["scan", ...args], (t) => (out += t), (t) => (err += t));
  return { code, out, err };
}

let woo: WooCommerceDevStore;
beforeAll(async () => {
  woo = await startWooCommerceDevStore({ outboundFetch: (async () => new Response("ok")) as typeof fetch });
});
afterAll(async () => {
  await woo?.close();
});

describe("rassure scan", () => {
  it("--shopify-dev-store --json prints the documented JSON shape and exits 0 despite failures", async () => {
    const { code, out, err } = await run("--shopify-dev-store", "--json", "--no-storefront");
    expect(err).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(typeof report.score).toBe("number");
    expect(report.results.length).toBeGreaterThan(30);
    for (const result of report.results) {
      expect(Object.keys(result)).toEqual(expect.arrayContaining(["id", "category", "severity", "status", "title", "evidence", "fix"]));
      expect(result.title).toEqual({ en: expect.any(String), fr: expect.any(String) });
    }
    expect(report.results.find((r: { id: string }) => r.id === "leg-terms-of-sale").status).toBe("fail");
  });

  it("prints a readable table in French", async () => {
    const { code, out } = await run("--shopify-dev-store", "--lang", "fr", "--no-storefront");
    expect(code).toBe(0);
    expect(out).toMatch(/^Score de confiance : \d+\/100 \([A-F]\) — À améliorer/);
    expect(out).toContain("→ https://admin.shopify.com/store/atelier-lumiere/settings/legal");
    expect(out).toContain("Requêtes à la plateforme : 1 (coût GraphQL");
    expect(out).toMatch(/ÉCHEC +leg-terms-of-sale +Critique +/);
    expect(out).toContain("Légal et conformité — ");
  });

  it("leaves no English in the French table, the storefront line and the lint's findings included", async () => {
    const { out } = await run("--shopify-dev-store", "--lang", "fr");
    expect(out).toMatch(/^Vitrine https:\/\/\S+ : injoignable/m);
    expect(out).toContain("numéro de TVA");
    // Words of the English table and of the lint's English names.
    for (const english of ["Platform requests", "Storefront ", "PASS", "FAIL", "TODO", "WARN", "critical", "recommended", "nice-to-have", "unreachable", "VAT number", "withdrawal right", "14-day period", "within 14 days", "hidden defects", "legal —", "payment —"]) {
      expect(out, english).not.toContain(english);
    }
  });

  it("scans a WooCommerce store with its REST keys", async () => {
    const { consumerKey, consumerSecret } = woo.createKey();
    const { code, out } = await run("--woocommerce", woo.url, "--key", consumerKey, "--secret", consumerSecret, "--json", "--no-storefront");
    expect(code).toBe(0);
    expect(JSON.parse(out).platform).toBe("woocommerce");
  });

  it("exits 1 with one clear line for bad WooCommerce keys", async () => {
    const { code, err } = await run("--woocommerce", woo.url, "--key", "ck_wrong", "--secret", "cs_wrong", "--no-storefront");
    expect(code).toBe(1);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toMatch(/^rassure scan: /);
  });

  it("exits 1 naming an unreachable shop", async () => {
    const { code, err } = await run("--shopify", "rassure-does-not-exist-4711.myshopify.com", "--token", "shpat_x", "--no-storefront");
    expect(code).toBe(1);
    expect(err).toMatch(/rassure scan: .*rassure-does-not-exist-4711\.myshopify\.com|rassure scan: .*(401|403|404)/);
  });

  it("exits 2 on bad usage", async () => {
    expect((await run()).code).toBe(2);
    expect((await run("--shopify", "x.myshopify.com")).err).toContain("needs --token");
    expect((await run("--shopify-dev-store", "--allow-private-storefront")).code).toBe(2);
  });
});
