/**
 * The HTML a merchant may publish as a legal text after editing a draft: headings, paragraphs,
 * lists, emphasis, line breaks, marks and https links — nothing else. Built safe: the whole
 * input is escaped first, then only these exact tags are turned back into markup, so no
 * attribute, script, style or event handler can pass, whatever the input.
 */

const ALLOWED_TAGS = ["h2", "h3", "h4", "p", "ul", "ol", "li", "strong", "em", "br", "mark"];
const TAG = new RegExp(`&lt;(/?)(${ALLOWED_TAGS.join("|")})\\s*/?&gt;`, "gi");
// An https link whose address has no quote, angle bracket or space (escaped forms included).
const LINK_OPEN = /&lt;a href=&quot;(https:\/\/[^\s"'<>&]+(?:&amp;[^\s"'<>&]+)*)&quot;&gt;/gi;
const LINK_CLOSE = /&lt;\/a&gt;/gi;

/** Escapes markup but keeps the entities a text already holds (&amp;, &eacute;, &#39;) as they are. */
function escapeKeepingEntities(html: string): string {
  return html
    .replace(/&(?!(?:[a-z][a-z0-9]{1,31}|#\d{1,7}|#x[0-9a-f]{1,6});)/gi, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

export function sanitizeLegalHtml(html: string): string {
  return escapeKeepingEntities(html)
    .replace(TAG, (_m, slash: string, tag: string) => `<${slash}${tag.toLowerCase()}>`)
    .replace(LINK_OPEN, (_m, href: string) => `<a href="${href}">`)
    .replace(LINK_CLOSE, "</a>");
}

/** A draft still holding a "to complete" mark says nothing true yet: it cannot be published. */
export function hasMissingMarks(html: string): boolean {
  return /<mark>\[/.test(html);
}
