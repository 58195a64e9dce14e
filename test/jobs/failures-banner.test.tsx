/** Home's failures banner: nothing when all is well; per kind, count, date and reason, in EN and FR, text escaped. */
import { AppProvider } from "@shopify/polaris";
import polarisEn from "@shopify/polaris/locales/en.json" with { type: "json" };
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { JobFailureGroup } from "../../app/jobs/failures.server";
import { JobFailuresBanner } from "../../app/jobs/FailuresBanner";
import { I18nProvider, type Locale } from "../../app/i18n";

function render(failures: JobFailureGroup[], locale: Locale = "en") {
  return renderToStaticMarkup(
    <AppProvider i18n={polarisEn}>
      <I18nProvider locale={locale}>
        <JobFailuresBanner failures={failures} />
      </I18nProvider>
    </AppProvider>,
  );
}

const failures: JobFailureGroup[] = [
  { kind: "tracking.check-fulfillment", count: 3, lastError: "Shopify answered <b>503</b>", lastFailedAt: "2026-11-20T10:00:00.000Z" },
  { kind: "some.future-kind", count: 1, lastError: null, lastFailedAt: "2026-11-21T10:00:00.000Z" },
];

describe("JobFailuresBanner", () => {
  it("renders nothing when no job gave up", () => {
    expect(render([])).toBe('<div id="PolarisPortalsContainer"></div>');
  });

  it("lists each kind with its count, date and last reason (escaped), as a warning", () => {
    const html = render(failures);
    expect(html).toContain("Some background work did not go through");
    expect(html).toContain("Tracking link checks: 3 failed, last on 20 November 2026");
    expect(html).toContain("Other background tasks: 1 failed");
    expect(html).toContain("Last reason: Shopify answered &lt;b&gt;503&lt;/b&gt;");
    expect(html).not.toContain("<b>503");
    expect(html).toMatch(/Polaris-Banner/);
  });

  it("speaks French", () => {
    const html = render(failures, "fr");
    expect(html).toContain("Certaines tâches de fond n&#x27;ont pas abouti");
    expect(html).toContain("Vérifications des liens de suivi : 3 en échec, la dernière le 20 novembre 2026");
  });
});
