/**
 * The page the admin preview (and the browser test fixture) shows a rendered block in: the
 * extension's real CSS, a theme-like body (font and colours are the theme's job on a real
 * storefront; these are Dawn-like stand-ins), no script.
 */
import { escapeHtml } from "./html-escape";

export interface PreviewTheme {
  fontFamily: string;
  text: string;
  background: string;
}

export const DAWN_LIKE_THEME: PreviewTheme = { fontFamily: "Assistant, 'Helvetica Neue', Arial, sans-serif", text: "#2b2420", background: "#fbf7f2" };

export function previewDocument(options: { css: string; html: string; lang: string; title: string; theme?: PreviewTheme }): string {
  const theme = options.theme ?? DAWN_LIKE_THEME;
  return `<!doctype html><html lang="${escapeHtml(options.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(options.title)}</title><style>${options.css}
body{margin:0;padding:16px;font-family:${theme.fontFamily};font-size:16px;color:${theme.text};background:${theme.background}}</style></head><body><main>${options.html}</main></body></html>`;
}
