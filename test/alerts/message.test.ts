/** Alert e-mails: EN/FR, a text and an accessible HTML part, the admin link, hostile shop text escaped. */
import { describe, expect, it } from "vitest";
import { checklistLink, settingsLink } from "../../app/alerts/admin-links";
import { renderAlertEmail, type AlertEmailInput } from "../../app/alerts/message";

const base: Omit<AlertEmailInput, "facts"> = {
  locale: "en",
  platform: "shopify",
  shopName: "Atelier Lumière",
  link: "https://atelier-lumiere.myshopify.com/admin/apps/key/app/checklist?item=sec-tls-expiry",
  settingsUrl: "https://atelier-lumiere.myshopify.com/admin/apps/key/app/settings",
  timeZone: "Europe/Paris",
};

describe("alert e-mails", () => {
  it("certificate expiry in English: subject with days, date in the shop's zone, Shopify's fix, link in both parts", () => {
    const mail = renderAlertEmail({ ...base, facts: { kind: "certificate-expiry", origin: "https://www.atelier-lumiere.fr", validTo: "2026-12-02T23:30:00.000Z", daysLeft: 9 } });
    expect(mail.subject).toBe("Atelier Lumière: the certificate of www.atelier-lumiere.fr expires in 9 days");
    expect(mail.text).toContain("expires on 3 December 2026"); // 00:30 in Paris
    expect(mail.text).toContain("Settings → Domains");
    expect(mail.text).toContain(`Open in Rassure: ${base.link}`);
    expect(mail.text).toContain(base.settingsUrl);
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.html).toContain(`<a href="${base.link.replace(/&/g, "&amp;")}"`);
    expect(mail.html).toContain(`<a href="${base.settingsUrl}"`);
  });

  it("in French, with WooCommerce's advice for an expired certificate", () => {
    const mail = renderAlertEmail({ ...base, locale: "fr", platform: "woocommerce", facts: { kind: "certificate-expiry", origin: "https://boutique.example", validTo: "2026-11-20T10:00:00.000Z", daysLeft: -3 } });
    expect(mail.subject).toBe("Atelier Lumière : le certificat de boutique.example a expiré");
    expect(mail.text).toMatch(/^Bonjour,/);
    expect(mail.text).toContain("a expiré le 20 novembre 2026");
    expect(mail.text).toContain("hébergeur");
    expect(mail.html).toContain('<html lang="fr">');
  });

  it("storefront down: since when (shop time), the error, and no second alert promised", () => {
    const mail = renderAlertEmail({ ...base, facts: { kind: "storefront-down", origin: "https://www.atelier-lumiere.fr", error: "connect ECONNREFUSED 1.2.3.4:443", since: "2026-11-23T08:00:00.000Z", probes: 2 } });
    expect(mail.subject).toBe("Atelier Lumière: www.atelier-lumiere.fr cannot be reached");
    expect(mail.text).toContain("on 2 checks in a row, the first on 23 November 2026 at 09:00");
    expect(mail.text).toContain("connect ECONNREFUSED 1.2.3.4:443");
    expect(mail.text).toContain("Rassure tells you once");
  });

  it("grade drop lists the items that got worse by their titles, in the merchant's language", () => {
    const facts = { kind: "grade-drop" as const, fromGrade: "A" as const, toGrade: "C" as const, fromScore: 91, toScore: 64, regressedItems: ["leg-terms-of-sale", "not-a-check"] };
    const en = renderAlertEmail({ ...base, facts });
    expect(en.subject).toBe("Atelier Lumière: trust grade dropped from A to C");
    expect(en.text).toContain("(score 91 → 64 out of 100)");
    expect(en.text).toMatch(/What got worse:\n- Terms of sale/);
    expect(en.html).toMatch(/<h2[^>]*>What got worse:<\/h2>\n<ul[^>]*><li>Terms of sale[^<]*<\/li><\/ul>/);
    const fr = renderAlertEmail({ ...base, locale: "fr", facts: { ...facts, regressedItems: [] } });
    expect(fr.subject).toBe("Atelier Lumière : la note de confiance est passée de A à C");
    expect(fr.text).toContain("Aucun point ne s'est dégradé");
  });

  it("escapes the merchant's shop name and network text in the HTML, and keeps the subject on one line", () => {
    const mail = renderAlertEmail({
      ...base,
      shopName: '<img src=x onerror="alert(1)">\r\nBcc: victim@example.com',
      facts: { kind: "storefront-down", origin: "https://shop.example", error: "<script>alert(2)</script>", since: "2026-11-23T08:00:00.000Z", probes: 2 },
    });
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.html).not.toContain("<img");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(mail.html).toContain("&lt;script&gt;alert(2)&lt;/script&gt;");
  });

  it("a test e-mail says what it is", () => {
    const mail = renderAlertEmail({ ...base, facts: { kind: "test" } });
    expect(mail.subject).toBe("Atelier Lumière: test e-mail from Rassure");
    expect(mail.text).not.toContain("Rassure tells you once");
  });
});

describe("links into the merchant's admin", () => {
  it("Shopify: the admin's app URL with the item; WooCommerce: the Rassure page in wp-admin", () => {
    const shopify = { platform: "shopify" as const, shopDomain: "atelier-lumiere.myshopify.com", shopifyApiKey: "abc123" };
    expect(checklistLink(shopify, "sec-tls-expiry")).toBe("https://atelier-lumiere.myshopify.com/admin/apps/abc123/app/checklist?item=sec-tls-expiry");
    expect(checklistLink(shopify, null)).toBe("https://atelier-lumiere.myshopify.com/admin/apps/abc123/app/checklist");
    expect(settingsLink(shopify)).toBe("https://atelier-lumiere.myshopify.com/admin/apps/abc123/app/settings");
    const woo = { platform: "woocommerce" as const, shopDomain: "boutique.example", shopifyApiKey: "abc123", wpAdminBaseUrl: "https://boutique.example/shop/wp-admin/" };
    expect(checklistLink(woo, "sec-tls-expiry")).toBe("https://boutique.example/shop/wp-admin/admin.php?page=rassure");
    expect(checklistLink({ ...woo, wpAdminBaseUrl: "javascript:alert(1)//" }, null)).toBe("https://boutique.example/wp-admin/admin.php?page=rassure");
  });
});
