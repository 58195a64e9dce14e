/**
 * The wp-admin pages' session in the browser. The plugin's first load carries its entry token in
 * the URL; once the page is up, the token leaves the URL (replaced in place, so history and
 * Referer never hold it) and every request the page makes to its own routes (Remix's data
 * requests, form posts) carries the latest session in a header instead. A header, not a
 * cookie: the page lives in the store's wp-admin frame, where a cookie would have to be
 * SameSite=None (and third-party cookies are often blocked).
 */
import { useNavigate } from "@remix-run/react";
import { useEffect } from "react";
import { ADMIN_SESSION_HEADER, withoutToken } from "./admin-url";

let current: string | null = null;
let installed = false;

function ownRequest(input: RequestInfo | URL): boolean {
  const url = new URL(input instanceof Request ? input.url : String(input), window.location.href);
  return url.origin === window.location.origin && url.pathname.startsWith("/woocommerce/admin");
}

function sendSessionWithOwnRequests() {
  if (installed) return;
  installed = true;
  const send = window.fetch.bind(window);
  window.fetch = (input, init) => {
    if (!current || !ownRequest(input)) return send(input, init);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    headers.set(ADMIN_SESSION_HEADER, current);
    return send(input, { ...init, headers });
  };
}

/** Keeps the page's session (each page view renews it) and takes the token out of the URL. */
export function useAdminSession(session: string | null) {
  const navigate = useNavigate();
  useEffect(() => {
    if (!session) return;
    current = session;
    sendSessionWithOwnRequests();
    const href = `${window.location.pathname}${window.location.search}${window.location.hash}`;
    const clean = withoutToken(href);
    if (clean !== href) navigate(clean, { replace: true, preventScrollReset: true });
  }, [session, navigate]);
}
