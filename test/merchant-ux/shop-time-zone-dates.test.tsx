/**
 * Admin dates read in the shop's time zone, as the checklist's do (issue 16 §1): Home's live status
 * and the tracking page's shipments used the server's zone, so a shop in Auckland saw yesterday's
 * date for an evening publication. Home's card renders through the checklist's formatter with the
 * shop's zone; the tracking loader hands the page the zone Shopify gave for the shop, as its latest
 * checklist scan recorded it (no second Shopify call per page view).
 */
import { AppProvider } from "@shopify/polaris";
import polarisEn from "@shopify/polaris/locales/en.json" with { type: "json" };
import { renderToStaticMarkup } from "react-dom/server";
import { MemoryRouter } from "react-router";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForBackgroundScans } from "../../app/checklist/background.server";
import { LiveStatusCard } from "../../app/home/LiveStatusCard";
import type { LiveStatus } from "../../app/home/live-status.server";
import { I18nProvider, type Locale } from "../../app/i18n";
import { loader as trackingLoader } from "../../app/routes/app.tracking";
import { startTrackingHarness, type TrackingHarness } from "../tracking/support";

// 20 November 2026, 12:30 UTC: already 21 November in Auckland (UTC+13 in summer).
const status: LiveStatus = { theme: null, themeError: null, themeReadAt: null, blocksPublishedAt: "2026-11-20T12:30:00.000Z", trackingFixes: 0 };

function renderCard(timeZone: string | null, locale: Locale = "en") {
  return renderToStaticMarkup(
    <MemoryRouter>
      <AppProvider i18n={polarisEn}>
        <I18nProvider locale={locale}>
          <LiveStatusCard status={status} timeZone={timeZone} />
        </I18nProvider>
      </AppProvider>
    </MemoryRouter>,
  );
}

describe("Home's live status", () => {
  it("dates the last publication in the shop's time zone, in English and French", () => {
    expect(renderCard("Pacific/Auckland")).toContain("Blocks last published on 21 November 2026.");
    expect(renderCard("Pacific/Auckland", "fr")).toContain("21 novembre 2026");
    expect(renderCard("America/Los_Angeles")).toContain("Blocks last published on 20 November 2026.");
  });
});

describe("Order tracking page", () => {
  let harness: TrackingHarness;
  beforeAll(async () => {
    harness = await startTrackingHarness();
    await waitForBackgroundScans(); // the install's scan, which records the shop's time zone
  }, 60_000);
  afterAll(async () => harness?.close());

  it("hands the page the shop's time zone from Shopify for the shipments' dates", async () => {
    // Every Admin API request the loader sends, to see that it does not ask for the shop's profile again.
    const bodies: string[] = [];
    setAbstractFetchFunc(async (input, init) => {
      bodies.push(typeof init?.body === "string" ? init.body : "");
      return harness.store.fetch(input, init);
    });
    try {
      const data = await trackingLoader({ request: new Request(harness.store.embeddedAppUrl("/app/tracking")), params: {}, context: {} });
      expect(data.timeZone).toBe("Europe/Paris"); // the dev store's ianaTimezone
      expect(data.rows.length).toBeGreaterThan(0);
      expect(bodies.some((body) => body.includes("fulfillments"))).toBe(true); // the shipments were read from Shopify
      expect(bodies.filter((body) => body.includes("ianaTimezone"))).toEqual([]);
    } finally {
      setAbstractFetchFunc(harness.store.fetch);
    }
  });
});
