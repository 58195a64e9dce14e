/**
 * HTML → plain text for linting policy bodies and storefront pages. Framework-free (the
 * platform adapters use it to fill LegalPageFact.text). Not a sanitiser: the output is only
 * ever matched against patterns, never rendered as HTML.
 */
const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", eacute: "é", egrave: "è", ecirc: "ê",
  agrave: "à", acirc: "â", ccedil: "ç", ocirc: "ô", ucirc: "û", ugrave: "ù", icirc: "î", iuml: "ï",
  euro: "€", rsquo: "’", lsquo: "‘", laquo: "«", raquo: "»", ndash: "–", mdash: "—", hellip: "…",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, code: string) => {
    if (code[0] === "#") {
      const point = code[1].toLowerCase() === "x" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(point) && point > 0 && point < 0x110000 ? String.fromCodePoint(point) : match;
    }
    return NAMED_ENTITIES[code.toLowerCase()] ?? match;
  });
}

/** Longest tag we read: a bound that keeps every scan linear on hostile pages (no quadratic backtracking). */
export const MAX_TAG_LENGTH = 1_000;

export interface ElementBlock {
  /** The opening tag, e.g. `<script type="application/ld+json">`. */
  open: string;
  inner: string;
  start: number;
  end: number;
}

/**
 * The `<tag …>…</tag>` blocks of a document, scanned left to right once (not nested). An
 * unclosed element runs to the end of the document and ends the scan, so a page full of
 * unclosed tags costs one pass, not one pass per tag.
 */
export function elementBlocks(html: string, tag: string, limit = Number.POSITIVE_INFINITY): ElementBlock[] {
  const openRe = new RegExp(`<${tag}\\b[^>]{0,${MAX_TAG_LENGTH}}>`, "gi");
  const closeRe = new RegExp(`</${tag}\\s*>`, "gi");
  const blocks: ElementBlock[] = [];
  let position = 0;
  while (blocks.length < limit) {
    openRe.lastIndex = position;
    const open = openRe.exec(html);
    if (!open) break;
    const innerStart = open.index + open[0].length;
    closeRe.lastIndex = innerStart;
    const close = closeRe.exec(html);
    if (!close) {
      blocks.push({ open: open[0], inner: html.slice(innerStart), start: open.index, end: html.length });
      break;
    }
    blocks.push({ open: open[0], inner: html.slice(innerStart, close.index), start: open.index, end: close.index + close[0].length });
    position = close.index + close[0].length;
  }
  return blocks;
}

const HIDDEN_TAGS = ["script", "style", "noscript", "template"];

function withoutHiddenBlocks(html: string): string {
  let text = html;
  for (const tag of HIDDEN_TAGS) {
    const blocks = elementBlocks(text, tag);
    if (!blocks.length) continue;
    let kept = "";
    let from = 0;
    for (const block of blocks) {
      kept += `${text.slice(from, block.start)} `;
      from = block.end;
    }
    text = kept + text.slice(from);
  }
  return text;
}

const BLOCK_TAGS = new Set(["p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "footer", "ul", "ol"]);

/**
 * Opening tags named `name` (`<a …>`), found in one pass: the position of the next ">" is
 * computed once and reused by every "<" before it, so "<<<<…" costs linear time.
 */
export function openTags(html: string, name: string): string[] {
  const found: string[] = [];
  const start = new RegExp(`<${name}\\b`, "gi");
  let nextGt = -1;
  for (const match of html.matchAll(start)) {
    const at = match.index ?? 0;
    if (nextGt < at) nextGt = html.indexOf(">", at);
    if (nextGt < 0) break;
    if (nextGt - at <= MAX_TAG_LENGTH) found.push(html.slice(at, nextGt + 1));
  }
  return found;
}

/** Tags replaced by a space (a line break for block elements), in one pass. */
function stripTags(html: string): string {
  const parts: string[] = [];
  let index = 0;
  let nextGt = -1;
  while (index < html.length) {
    const lt = html.indexOf("<", index);
    if (lt < 0) break;
    if (nextGt < lt) nextGt = html.indexOf(">", lt);
    if (nextGt < 0) break;
    parts.push(html.slice(index, lt));
    const name = /^\/?([a-z0-9]+)/i.exec(html.slice(lt + 1, lt + 12))?.[1]?.toLowerCase();
    parts.push(name && BLOCK_TAGS.has(name) ? "\n" : " ");
    index = nextGt + 1;
  }
  parts.push(html.slice(index));
  return parts.join("");
}

export function htmlToText(html: string): string {
  return decodeEntities(stripTags(withoutHiddenBlocks(html)))
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/\s*\n\s*/g, "\n")
    .trim();
}
