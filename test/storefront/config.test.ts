/** Validation of the merchant's storefront configuration and the JSON the storefront reads. */
import { describe, expect, it } from "vitest";
import { defaultStorefrontConfig, isStorefrontLive, LIMITS, toPublishedConfig, validateStorefrontConfig } from "../../app/storefront/config";
import { fullConfig, HOSTILE } from "./fixtures";

const issuesOf = (input: unknown) => {
  const result = validateStorefrontConfig(input);
  return result.ok ? [] : result.issues;
};

describe("validateStorefrontConfig", () => {
  it("accepts the defaults and a full configuration unchanged", () => {
    for (const config of [defaultStorefrontConfig(), fullConfig()]) expect(validateStorefrontConfig(config)).toEqual({ ok: true, config });
  });

  it("keeps hostile text as text (it is escaped where printed) but strips control characters", () => {
    const config = fullConfig();
    config.payment.heading.fr = `${HOSTILE}\u0000\u0007`;
    const result = validateStorefrontConfig(config);
    expect(result.ok && result.config.payment.heading.fr).toBe(HOSTILE);
  });

  it("refuses texts over their limits, naming the field and the limit", () => {
    const config = fullConfig();
    config.promises.items[1].text.en = "x".repeat(LIMITS.text + 1);
    config.bar.items[0].text.fr = "y".repeat(LIMITS.barText + 1);
    expect(issuesOf(config)).toEqual([
      { path: "promises.items.1.text.en", code: "too_long", limit: LIMITS.text },
      { path: "bar.items.0.text.fr", code: "too_long", limit: LIMITS.barText },
    ]);
  });

  it("accepts only same-shop paths and https URLs", () => {
    const withUrl = (url: string) => {
      const config = fullConfig();
      config.contact.formUrl = url;
      return issuesOf(config);
    };
    expect(withUrl("/pages/contact")).toEqual([]);
    expect(withUrl("https://help.example.com/contact")).toEqual([]);
    for (const bad of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>", "//evil.example", "/\\evil.example", "http://plain.example", "/pages/a b", '" onmouseover="x', "https://user:pass@evil.example/", "https://support.example@evil.example/chat"]) {
      expect(withUrl(bad), bad).toEqual([{ path: "contact.formUrl", code: "invalid_url" }]);
    }
  });

  it("checks emails, phones, numbers, times, weekdays and choices", () => {
    const config = fullConfig() as unknown as Record<string, Record<string, unknown>>;
    config.contact.email = "not an email";
    config.contact.phone = "<b>call</b>";
    config.delivery.cutoff = "25:00";
    config.delivery.transitMin = 5;
    config.delivery.transitMax = 3;
    config.delivery.shipDays = [];
    config.delivery.processingDays = -1;
    (config.promises.items as Array<Record<string, unknown>>)[2].days = 7; // withdrawal below the EU minimum
    (config.promises.items as Array<Record<string, unknown>>)[0].icon = "skull";
    expect(issuesOf(config).map((i) => `${i.path}:${i.code}`).sort()).toEqual([
      "contact.email:invalid_email",
      "contact.phone:invalid_phone",
      "delivery.cutoff:invalid_time",
      "delivery.processingDays:out_of_range",
      "delivery.shipDays:required",
      "delivery.transitMax:out_of_range",
      "promises.items.0.icon:invalid_choice",
      "promises.items.2.days:out_of_range",
    ]);
  });

  it("caps list lengths and requires a channel when the contact block is on", () => {
    const config = fullConfig();
    config.bar.items = Array.from({ length: LIMITS.barItems + 2 }, () => ({ icon: "check" as const, text: { en: "a", fr: "b" } }));
    config.contact = { ...config.contact, email: "", phone: "", chatUrl: "", formUrl: "" };
    expect(issuesOf(config)).toEqual([
      { path: "bar.items", code: "too_many", limit: LIMITS.barItems },
      { path: "contact.email", code: "required" },
    ]);
  });

  it("survives garbage input without throwing", () => {
    for (const input of [null, 42, "x", [], { payment: "yes", promises: { items: "many" } }]) {
      expect(() => validateStorefrontConfig(input)).not.toThrow();
    }
  });
});

describe("toPublishedConfig", () => {
  it("publishes snake_case parameters, weekday digits and the coming French holidays", () => {
    const published = toPublishedConfig(defaultStorefrontConfig(), 7, new Date("2026-11-23T10:00:00Z"), "Europe/Paris");
    expect(published.version).toBe(7);
    expect(published.delivery).toMatchObject({ processing_days: 1, cutoff: "14:00", cutoff_minutes: 840, transit_min: 2, transit_max: 4, ship_days: "12345", delivery_days: "123456" });
    expect(published.delivery.holidays.slice(0, 4)).toEqual(["2026-12-25", "2027-01-01", "2027-03-29", "2027-05-01"]);
    expect(published.delivery.holidays.every((d) => d >= "2026-11-22" && d <= published.holidays_until)).toBe(true);
    expect(published.holidays_until).toBe("2027-12-28");
    expect(JSON.stringify(published).length).toBeLessThan(LIMITS.configBytes);
  });

  it("is live when at least one block is on", () => {
    const config = defaultStorefrontConfig();
    expect(isStorefrontLive(config)).toBe(true);
    for (const block of ["payment", "promises", "delivery", "contact", "legal", "bar"] as const) config[block].enabled = false;
    expect(isStorefrontLive(config)).toBe(false);
  });

  it("is live with the trust page alone (the WooCommerce plugin serves it only from a live configuration)", () => {
    const config = defaultStorefrontConfig();
    for (const block of ["payment", "promises", "delivery", "contact", "legal", "bar"] as const) config[block].enabled = false;
    config.trustPage.enabled = true;
    expect(isStorefrontLive(config)).toBe(true);
  });

  it("publishes the trust bar's link only while the trust page is on, and the scan facts the page may state", () => {
    const config = defaultStorefrontConfig();
    config.bar.trustPageLink = true;
    const now = new Date("2026-12-04T08:00:00Z");
    expect(toPublishedConfig(config, 1, now, "Europe/Paris").bar.trust_page_link).toBe(false);
    config.trustPage.enabled = true;
    const published = toPublishedConfig(config, 1, now, "Europe/Paris", { trustScan: { finishedAt: now, grade: "A", https: true, timeZone: "Not/AZone" } });
    expect(published.bar.trust_page_link).toBe(true);
    // An unknown time zone falls back to UTC rather than failing the publish.
    expect(published.trust_page).toEqual({ enabled: true, sections: [...config.trustPage.sections], https_checked_on: { en: "4 December 2026", fr: "4 décembre 2026" }, scan: { grade: "A", checked_on: { en: "4 December 2026", fr: "4 décembre 2026" } } });
    expect(validateStorefrontConfig({ ...config, bar: { ...config.bar, trustPageLink: "on" } })).toMatchObject({ ok: true, config: { bar: { trustPageLink: true } } });
  });
});
