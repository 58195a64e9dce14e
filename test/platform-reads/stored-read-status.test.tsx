/**
 * What an admin page says about facts shown from a stored read (app/platform-reads/StoredReadStatus):
 * their age, "not checked" when never read, and the banner when the last refresh failed (the age of
 * what is shown instead, or that nothing is), in English and French, rendered as the page renders them.
 */
import { AppProvider } from "@shopify/polaris";
import polarisEn from "@shopify/polaris/locales/en.json" with { type: "json" };
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { I18nProvider, type Locale } from "../../app/i18n";
import { StoredReadAge, StoredReadFailure } from "../../app/platform-reads/StoredReadStatus";

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000 - 5_000).toISOString();

/** The page's visible text (tags dropped, entities read). */
function textOf(node: ReactNode, locale: Locale = "en"): string {
  const html = renderToStaticMarkup(
    <AppProvider i18n={polarisEn}>
      <I18nProvider locale={locale}>{node}</I18nProvider>
    </AppProvider>,
  );
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

describe("the age of a stored read", () => {
  it("says how long ago the facts were read, rounded down, in English and French", () => {
    expect(textOf(<StoredReadAge read={{ readAt: ago(0) }} />)).toBe("Checked just now");
    expect(textOf(<StoredReadAge read={{ readAt: ago(5) }} />)).toBe("Checked 5 min ago");
    expect(textOf(<StoredReadAge read={{ readAt: ago(5) }} />, "fr")).toBe("Vérifié il y a 5 min");
    expect(textOf(<StoredReadAge read={{ readAt: ago(125) }} />)).toBe("Checked 2 h ago");
    expect(textOf(<StoredReadAge read={{ readAt: ago(125) }} />, "fr")).toBe("Vérifié il y a 2 h");
    expect(textOf(<StoredReadAge read={{ readAt: ago(3 * 24 * 60 + 1) }} />, "fr")).toBe("Vérifié il y a 3 j");
  });

  it("says 'not checked' for facts never read, never an age", () => {
    expect(textOf(<StoredReadAge read={{ readAt: null }} />)).toBe("Not checked");
    expect(textOf(<StoredReadAge read={{ readAt: null }} />, "fr")).toBe("Non vérifié");
  });
});

describe("the banner of a failed refresh", () => {
  it("is absent while every read succeeded", () => {
    expect(textOf(<StoredReadFailure platform="Shopify" reads={[{ readAt: ago(5), error: null }]} />)).toBe("");
  });

  it("names the platform, the age of the oldest facts shown instead and the failure, in English and French", () => {
    const reads = [
      { readAt: ago(3), error: null },
      { readAt: ago(125), error: "HTTP 503 Service Unavailable" },
      { readAt: ago(7), error: "Throttled" },
    ];
    const en = textOf(<StoredReadFailure platform="Shopify" reads={reads} />);
    expect(en).toContain("Shopify could not be read just now");
    expect(en).toContain("This page shows what Rassure read earlier (checked 2 h ago). It reads again on your next visit.");
    expect(en).toContain("HTTP 503 Service Unavailable");
    const fr = textOf(<StoredReadFailure platform="Shopify" reads={reads} />, "fr");
    expect(fr).toContain("Shopify n'a pas pu être lu à l'instant");
    expect(fr).toContain("Cette page montre ce que Rassure a lu plus tôt (vérifié il y a 2 h). Elle relira à votre prochaine visite.");
    expect(fr).toContain("HTTP 503 Service Unavailable");
  });

  it("says nothing is stored when the failed read was never made before, and shows a hostile failure as text", () => {
    const text = textOf(<StoredReadFailure platform="WooCommerce" reads={[{ readAt: null, error: "<img src=x onerror=alert(1)>" }]} />);
    expect(text).toContain("WooCommerce could not be read just now");
    expect(text).toContain("Rassure has nothing read from your shop yet for this page. Reload the page to try again.");
    expect(text).not.toContain("Rassure read earlier");
    const html = renderToStaticMarkup(
      <AppProvider i18n={polarisEn}>
        <I18nProvider locale="en">
          <StoredReadFailure platform="WooCommerce" reads={[{ readAt: null, error: "<img src=x onerror=alert(1)>" }]} />
        </I18nProvider>
      </AppProvider>,
    );
    expect(html).not.toContain("<img");
    expect(text).toContain("<img src=x onerror=alert(1)>");
  });
});
