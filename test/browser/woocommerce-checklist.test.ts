/**
 * The whole trust checklist and the alert settings inside wp-admin, in Debian's Chromium through
 * the offline demo's WooCommerce store (the companion plugin's page, played by the dev store,
 * frames the app with a plugin-signed token): categories with their counters, an item's evidence
 * in French and English, a re-check, an attestation still there after a reload, the alert
 * settings saved; on a desktop and on a 390 px phone; axe-core finds nothing on the page. Needs `npm run build`.
 */
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations } from "../support/axe";
import { SCREENSHOTS, setUpDemoAdmin } from "../support/demo-admin";
import { rassureFrame, wpAdminUrl } from "../support/wp-admin";

const admin = setUpDemoAdmin();

function wpAdminIn(locale: "en" | "fr"): string {
  const url = new URL(wpAdminUrl(admin));
  url.searchParams.set("locale", locale);
  return url.href;
}

/** wp-admin's Rassure page, then one of its buttons to another Rassure page; the frame once that page shows `heading`. */
async function openFromOverview(locale: "en" | "fr", button: string, heading: string): Promise<Frame> {
  await admin.page.goto(wpAdminIn(locale));
  let frame = await rassureFrame(admin);
  await frame.getByRole("link", { name: button }).click({ timeout: 20_000 });
  frame = await rassureFrame(admin);
  await frame.getByRole("heading", { name: heading, level: 1 }).waitFor({ timeout: 30_000 });
  return frame;
}

/** The page fits the width it is given (no sideways scroll), on a desktop and on a 390 px phone. */
/** The help entry closes every wp-admin page once, as in the Shopify admin: documentation and a mailto contact (French page). */
async function expectHelpEntry(frame: Frame) {
  const docs = frame.getByRole("link", { name: "Consultez le centre d'aide Rassure" });
  await expect(docs.count()).resolves.toBe(1);
  await expect(docs.getAttribute("href")).resolves.toMatch(/^https?:\/\//);
  await expect(frame.getByRole("link", { name: /^Écrivez-nous à / }).getAttribute("href")).resolves.toMatch(/^mailto:[^@\s]+@[^@\s]+$/);
}

async function screenshots(frame: Frame, name: string) {
  try {
    for (const [width, height, suffix] of [[1440, 1100, "desktop"], [390, 844, "390"]] as const) {
      await admin.page.setViewportSize({ width, height });
      await expect(frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).resolves.toBeLessThanOrEqual(0);
      await admin.page.screenshot({ path: `${SCREENSHOTS}/${name}-${suffix}.png` });
    }
  } finally {
    await admin.page.setViewportSize({ width: 1440, height: 1100 });
  }
}

describe("the trust checklist in wp-admin", () => {
  it("shows every category and an item's evidence, re-checks it, and keeps an attestation after a reload (FR, then EN)", async () => {
    await admin.page.setViewportSize({ width: 1440, height: 1100 });
    let frame = await openFromOverview("fr", "Ouvrir la checklist complète", "Checklist de confiance");
    // The first visit scans the store if it never was: the report follows.
    for (const category of ["Sécurité des paiements", "Sécurité du site", "Légal et conformité"]) {
      await frame.getByRole("heading", { name: category, level: 2 }).waitFor({ timeout: 60_000 });
    }
    await expect(frame.getByText(/^\d+ sur \d+ faits$/).count()).resolves.toBe(7);
    await expect(frame.getByText(/Shopify|Liquid/).count()).resolves.toBe(0);

    // The store is on plain http: the HTTPS item fails, with what was seen.
    const https = frame.locator("#checklist-item-sec-https");
    await https.getByRole("button", { name: "Détails" }).click();
    await https.getByRole("heading", { name: "Ce que nous avons constaté" }).waitFor();
    await expect(https.getByRole("listitem").count()).resolves.toBeGreaterThan(0);
    await expect(https.getByRole("link", { name: "Corriger" }).getAttribute("href")).resolves.toMatch(/^http:\/\/127\.0\.0\.1:\d+\/wp-admin\//);
    await screenshots(frame, "woocommerce-checklist-fr");
    await expect(axeViolations(frame)).resolves.toEqual([]);
    await expect(frame.title()).resolves.toBe("Checklist de confiance – Rassure");
    await expectHelpEntry(frame);

    await https.getByRole("button", { name: "Revérifier" }).click();
    await frame.getByText("Nouvelle vérification lancée ; le résultat apparaît dans un instant.").waitFor({ timeout: 20_000 });

    const pending = frame.locator('[id^="checklist-item-"]').filter({ has: frame.getByText("À confirmer", { exact: true }) }).first();
    const itemId = await pending.getAttribute("id");
    await pending.getByRole("button", { name: "Détails" }).click();
    await pending.getByLabel("Justificatif (lien, date ou courte déclaration)").fill("Questionnaire SAQ A rempli le 2 décembre 2026");
    await pending.getByRole("button", { name: "Confirmer", exact: true }).click();
    await frame.getByText("Merci, votre confirmation est enregistrée.").waitFor({ timeout: 20_000 });

    // A new visit from WordPress: the confirmation is stored, not just shown.
    frame = await openFromOverview("en", "Open the full checklist", "Trust checklist");
    await frame.getByRole("heading", { name: "Payment security", level: 2 }).waitFor({ timeout: 30_000 });
    const attested = frame.locator(`#${itemId}`);
    await attested.getByText("Confirmed by you", { exact: true }).waitFor();
    await attested.getByRole("button", { name: "Details" }).click();
    await attested.getByText("Questionnaire SAQ A rempli le 2 décembre 2026", { exact: false }).first().waitFor();
    // The re-check started above finishes meanwhile (the page polls): its report keeps the confirmation.
    await frame.getByText("Scan in progress").first().waitFor({ state: "hidden", timeout: 60_000 });
    await attested.getByText("Confirmed by you", { exact: true }).waitFor();
    const httpsEn = frame.locator("#checklist-item-sec-https");
    await httpsEn.getByRole("button", { name: "Details" }).click();
    await httpsEn.getByRole("heading", { name: "What we saw" }).waitFor();
    await screenshots(frame, "woocommerce-checklist-en");
    expect(admin.pageErrors).toEqual([]);
  }, 180_000);

  it("saves the alert settings from wp-admin", async () => {
    const frame = await openFromOverview("fr", "Réglages des alertes", "Réglages");
    await frame.getByText("Alertes par e-mail").first().waitFor();
    await frame.getByLabel("Envoyer les alertes à").fill("gerante@savonnerie.example");
    await frame.getByRole("button", { name: "Enregistrer les alertes" }).click();
    await frame.getByRole("status").getByText("Réglages des alertes enregistrés").waitFor({ timeout: 20_000 });
    await screenshots(frame, "woocommerce-alerts-fr");
    await expect(axeViolations(frame)).resolves.toEqual([]);
    await expect(frame.title()).resolves.toBe("Réglages – Rassure");
    await expectHelpEntry(frame);
    const again = await openFromOverview("fr", "Réglages des alertes", "Réglages");
    await expect(again.getByLabel("Envoyer les alertes à").inputValue()).resolves.toBe("gerante@savonnerie.example");
    expect(admin.pageErrors).toEqual([]);
  }, 120_000);
});
