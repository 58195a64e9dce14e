/**
 * Requests the wp-admin pages' own code sends: the store in the URL, the session in the
 * X-Rassure-Admin-Session header (app/woocommerce/admin-session.ts), the form in the body.
 */
import { ADMIN_SESSION_HEADER, type WooAdminPath } from "../../../app/woocommerce/admin-url";

export function adminPost(path: WooAdminPath, store: string, session: string, fields: Record<string, string> | URLSearchParams): Request {
  return new Request(`https://rassure.test${path}?store=${encodeURIComponent(store)}&locale=fr`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { [ADMIN_SESSION_HEADER]: session, "Content-Type": "application/x-www-form-urlencoded" },
  });
}
