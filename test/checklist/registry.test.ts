/** The registry holds every critical and recommended item of checklist-spec.md §3, as complete data. */
import { describe, expect, it } from "vitest";
import { CHECKS } from "../../app/checklist/registry";
import { CATEGORIES } from "../../app/checklist/types";

// Every item the spec marks critical or recommended (on at least one platform).
const SPEC_CRITICAL_AND_RECOMMENDED = [
  "pay-trusted-psp", "pay-sca-3ds", "pay-pci-scope",
  "sec-https", "sec-http-redirect", "sec-tls-expiry", "sec-hsts", "sec-mixed-content", "sec-security-headers", "sec-admin-2fa", "sec-accounts-hygiene", "sec-software-updates", "sec-debug-off",
  "leg-legal-notice", "leg-terms-of-sale", "leg-privacy-policy", "leg-cookie-consent", "leg-withdrawal-right", "leg-refund-14-days", "leg-legal-guarantees", "leg-mediator",
  "leg-no-preticked-paid-options", "leg-order-button-wording", "leg-odr-link-removed", "leg-price-display", "leg-price-reduction-reference", "leg-gpsr-product-info", "leg-accessibility",
  "del-delivery-date", "del-shipping-costs", "del-stock-availability", "del-tracking-link", "del-returns-procedure",
  "con-postal-address", "con-phone", "con-email", "con-contact-form",
  "tru-customer-reviews", "tru-reviews-transparency",
  "ops-ddos-waf", "ops-uptime-monitoring", "ops-backups-dr",
];

describe("check registry", () => {
  it("has every critical and recommended item of the spec", () => {
    const ids = CHECKS.map((c) => c.id);
    expect(SPEC_CRITICAL_AND_RECOMMENDED.filter((id) => !ids.includes(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("covers the 7 categories", () => {
    expect(new Set(CHECKS.map((c) => c.category))).toEqual(new Set(CATEGORIES));
  });

  it.each(CHECKS.map((c) => [c.id, c] as const))("%s is complete data", (id, check) => {
    expect(id).toMatch(/^(pay|sec|leg|del|con|tru|ops)-[a-z0-9-]+$/);
    for (const text of [check.title, check.failureTitle, check.why]) {
      expect(text.en.length).toBeGreaterThan(10);
      expect(text.fr.length).toBeGreaterThan(10);
      expect(text.fr).not.toBe(text.en);
    }
    expect(check.fix.docsUrl).toMatch(/^https:\/\//);
    expect(check.platforms.length).toBeGreaterThan(0);
    expect(check.jurisdictions.length).toBeGreaterThan(0);
    if (check.attestation) {
      expect(check.attestation.prompt.fr).toBeTruthy();
      expect(check.attestation.expiresAfterDays).toBeGreaterThan(0);
    }
  });

  it("offers an attestation wherever an item can stay pending", () => {
    for (const id of ["sec-admin-2fa", "sec-accounts-hygiene", "ops-backups-dr", "leg-no-preticked-paid-options", "pay-sca-3ds", "ops-uptime-monitoring", "leg-price-reduction-reference"]) {
      expect([id, Boolean(CHECKS.find((c) => c.id === id)?.attestation)]).toEqual([id, true]);
    }
  });
});
