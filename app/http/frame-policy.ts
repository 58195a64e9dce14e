/**
 * Who may frame a document (CSP frame-ancestors). Shopify's library names the shop's admin
 * origins for embedded pages; RASSURE_FRAME_ANCESTORS may only add origins to that policy. A
 * route that sets its own policy keeps it (the wp-admin pages: the connected store only), and
 * pages meant to be opened on their own (login, connect, return) are framed by no one.
 */
const CSP = "Content-Security-Policy";

export const NOT_FRAMED = { [CSP]: "frame-ancestors 'none';" };

/** For the `headers` export of a page no one may frame. */
export const notFramedHeaders = () => NOT_FRAMED;

/** The origins of RASSURE_FRAME_ANCESTORS; anything that is not a plain origin is dropped. */
export function extraFrameAncestors(value: string | undefined): string[] {
  return (value ?? "").split(/\s+/).filter((token) => /^https?:\/\/[a-z0-9.-]+(:\d+)?$/i.test(token));
}

/**
 * Applies Shopify's document headers (`addShopifyHeaders`) without letting them replace a
 * route's own framing, then extends Shopify's frame-ancestors with `extra`, never a 'none'.
 */
export function applyFramePolicy(headers: Headers, addShopifyHeaders: (headers: Headers) => void, extra: string[]): void {
  const own = headers.get(CSP);
  addShopifyHeaders(headers);
  if (own?.includes("frame-ancestors")) {
    headers.set(CSP, own);
    return;
  }
  const csp = headers.get(CSP);
  const directive = csp ? /frame-ancestors ([^;]*)/.exec(csp) : null;
  if (!csp || !directive || !extra.length || directive[1].includes("'none'")) return;
  headers.set(CSP, csp.replace(directive[0], `frame-ancestors ${directive[1].trim()} ${extra.join(" ")}`));
}
