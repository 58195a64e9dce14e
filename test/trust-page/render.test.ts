/** The public trust page shows only backed facts, only the sections the merchant chose, and escapes Liquid. */
import { describe, expect, it } from "vitest";
import { renderTrustPage, type TrustFacts } from "../../app/trust-page/trust-page.server";
import { fullConfig, VERIFIED_COMPANY } from "../storefront/fixtures";

function facts(overrides: Partial<TrustFacts> = {}): TrustFacts {
  const config = fullConfig();
  config.trustPage = { enabled: true, sections: ["identity", "contact", "policies", "payments", "https", "scan"] };
  return { config, company: VERIFIED_COMPANY, scan: { finishedAt: new Date("2026-12-03T08:00:00Z"), grade: "B", https: true }, ...overrides };
}

describe("trust page", () => {
  it("is off until the merchant switches it on", () => {
    const off = facts();
    off.config.trustPage.enabled = false;
    expect(renderTrustPage(off, "en")).toBeNull();
  });

  it("states each backed fact with its source and date", () => {
    const html = renderTrustPage(facts(), "en")!;
    expect(html).toContain("Company verified: <a class=\"rassure__link\" href=\"https://annuaire-entreprises.data.gouv.fr/entreprise/812345676\">ATELIER LUMIERE, SIREN 812 345 676</a> (French company register, checked on 3 December 2026)");
    expect(html).toContain("The shop is served over HTTPS (checked on 3 December 2026).");
    expect(html).toContain("Grade B, checked on 3 December 2026.");
    expect(html).toContain("{%- for policy in shop.policies -%}");
    expect(html).toContain("payment_type_svg_tag");
  });

  it("leaves out what was not observed and what the merchant hides", () => {
    const unseen = renderTrustPage(facts({ company: null, scan: { finishedAt: new Date("2026-12-03T08:00:00Z"), grade: null, https: null } }), "en")!;
    expect(unseen).not.toContain("Company verified");
    expect(unseen).not.toContain("HTTPS");
    expect(unseen).not.toContain("Grade");
    expect(renderTrustPage(facts({ scan: null }), "en")).not.toContain("HTTPS");
    const chosen = facts();
    chosen.config.trustPage.sections = ["contact"];
    const html = renderTrustPage(chosen, "fr")!;
    expect(html).toContain("bonjour@atelier-lumiere.fr");
    expect(html).not.toContain("shop.policies");
    expect(html).not.toContain("Entreprise vérifiée");
  });

  it("keeps merchant text inert for both HTML and Liquid", () => {
    const hostile = facts();
    hostile.config.contact.hours.en = "{{ shop.email }} <script>alert(1)</script> {% layout none %}";
    const html = renderTrustPage(hostile, "en")!;
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("{{ shop.email }}");
    expect(html).not.toContain("{% layout");
    expect(html).toContain("&#123;&#123; shop.email &#125;&#125;");
  });
});
