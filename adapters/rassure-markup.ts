/**
 * Rassure's own storefront blocks inside a probed page. They are what Rassure printed, not what
 * the shop says, so they never count as the shop's evidence: the probe cuts them out before it
 * reads text and markers, and only records which blocks it saw (the "seen on the storefront"
 * status). A block is the element whose class list holds the bare token `rassure` (the root of
 * every block in the markup contract, extensions/rassure-theme/README.md), up to its matching
 * closing tag.
 */
import { MAX_TAG_LENGTH } from "./html-text";

const ROOT_TAGS = "section|nav|aside|div|p|form";
const ROOT = new RegExp(`<(${ROOT_TAGS})\\b[^>]{0,${MAX_TAG_LENGTH}}>`, "gi");
const HAS_RASSURE_CLASS = /\sclass\s*=\s*(?:"[^"]*(?<![\w-])rassure(?![\w-])[^"]*"|'[^']*(?<![\w-])rassure(?![\w-])[^']*'|rassure(?=[\s>]))/i;
const BLOCK_HANDLE = /(?<![\w-])rassure--(payment|promises|delivery|contact|legal|partners|reviews|store|bar|track-order|tracking)(?![\w-])/i;

/** End of the element opened at `from` (same tag name, nesting counted); the document's end when unclosed. */
function elementEnd(html: string, tag: string, from: number): number {
  const token = new RegExp(`<(/?)${tag}\\b[^>]{0,${MAX_TAG_LENGTH}}>`, "gi");
  token.lastIndex = from;
  let depth = 0;
  for (let match = token.exec(html); match; match = token.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return match.index + match[0].length;
  }
  return html.length;
}

export interface WithoutRassure {
  /** The page with every Rassure block replaced by a space. */
  html: string;
  /** Handles of the blocks cut out, in order of appearance, without duplicates ("hint" for the theme editor's placeholder). */
  blocks: string[];
}

export function withoutRassureBlocks(html: string): WithoutRassure {
  const blocks: string[] = [];
  let kept = "";
  let from = 0;
  ROOT.lastIndex = 0;
  for (let match = ROOT.exec(html); match; match = ROOT.exec(html)) {
    if (!HAS_RASSURE_CLASS.test(match[0])) continue;
    const end = elementEnd(html, match[1], match.index);
    const handle = BLOCK_HANDLE.exec(match[0])?.[1]?.toLowerCase() ?? "hint";
    if (!blocks.includes(handle)) blocks.push(handle);
    kept += `${html.slice(from, match.index)} `;
    from = end;
    ROOT.lastIndex = end;
  }
  return { html: kept + html.slice(from), blocks };
}
