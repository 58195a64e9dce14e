/**
 * What publishing would change, line by line: the current text and the draft are reduced to
 * their blocks of plain text (headings, paragraphs, list items) and compared with a longest
 * common subsequence, so the merchant sees what is removed and what is added.
 */
import { htmlToText } from "../../adapters/html-text";

export type DiffLine = { op: "same" | "add" | "remove"; text: string };

/** Texts longer than this compare as "everything replaced": the comparison stays quadratic in lines. */
const MAX_LINES = 2_000;

export function textBlocks(html: string): string[] {
  return html
    .split(/<\/?(?:h[1-6]|p|li|ul|ol|div|section|br|tr|table|blockquote)\b[^>]*>/i)
    .map((part) => htmlToText(part).replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

export function diffTexts(beforeHtml: string, afterHtml: string): DiffLine[] {
  const a = textBlocks(beforeHtml);
  const b = textBlocks(afterHtml);
  if (a.length > MAX_LINES || b.length > MAX_LINES) return [...a.map((text) => ({ op: "remove" as const, text })), ...b.map((text) => ({ op: "add" as const, text }))];
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push({ op: "same", text: a[i] });
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
      lines.push({ op: "add", text: b[j++] });
    } else {
      lines.push({ op: "remove", text: a[i++] });
    }
  }
  return lines;
}
