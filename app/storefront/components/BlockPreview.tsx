/**
 * Live preview of one block, rendered in the browser from the extension's own Liquid files
 * (liquidjs, loaded on demand) inside a sandboxed iframe so theme CSS and Polaris never mix.
 */
import { useEffect, useState } from "react";
import { toPublishedConfig, type Lang, type PartnerFacts, type StorefrontConfig } from "../config";
import type { ExtensionSources, PreviewRenderer, PreviewShop } from "../liquid-preview";
import { escapeHtml } from "../html-escape";
import { previewDocument } from "../preview-document";
import type { ShippingBacking } from "../shipping-backing";

interface Props {
  sources: ExtensionSources;
  css: string;
  handle: string;
  config: StorefrontConfig;
  locale: Lang;
  tone: string;
  shop: PreviewShop;
  timeZone: string;
  partnerFacts: PartnerFacts;
  /** The preview shows the shipping promise's amount only where publishing would. */
  shippingBacking: ShippingBacking | null;
  title: string;
  emptyText: string;
}

let rendererPromise: Promise<PreviewRenderer> | null = null;
function loadRenderer(sources: ExtensionSources) {
  rendererPromise ??= import("../liquid-preview").then((m) => m.createPreviewRenderer(sources));
  return rendererPromise;
}

export function BlockPreview({ sources, css, handle, config, locale, tone, shop, timeZone, partnerFacts, shippingBacking, title, emptyText }: Props) {
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      loadRenderer(sources)
        .then((renderer) =>
          renderer.render({ handle, config: toPublishedConfig(config, 0, new Date(), timeZone, { partners: partnerFacts, shipping: shippingBacking }), locale, shop, timeZone, now: new Date(), settings: { tone, alignment: "start" } }),
        )
        .then((out) => current && (setHtml(out), setError(null)))
        .catch((e: unknown) => current && setError(e instanceof Error ? e.message : String(e)));
    }, 150); // debounce typing
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [sources, handle, config, locale, tone, shop, timeZone, partnerFacts, shippingBacking]);

  if (error) return <p role="alert">{error}</p>;
  const body = html && html.trim() !== "" ? html : `<p>${escapeHtml(emptyText)}</p>`;
  return (
    <iframe
      title={title}
      sandbox=""
      data-testid="rassure-preview"
      srcDoc={previewDocument({ css, html: body, lang: locale, title })}
      style={{ width: "100%", minHeight: 260, border: "1px solid var(--p-color-border)", borderRadius: "var(--p-border-radius-200)", background: "#fbf7f2" }}
    />
  );
}
