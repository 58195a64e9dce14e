/**
 * Requests the wp-admin pages' own code sends: the store in the URL, the session in the
 * X-Rassure-Admin-Session header (app/woocommerce/admin-session.client.ts), the form in the body.
 */
import { ADMIN_SESSION_HEADER } from "../../../app/woocommerce/admin-access.server";

type AdminPath = "/woocommerce/admin" | "/woocommerce/admin/blocks" | "/woocommerce/admin/legal";

export function adminPost(path: AdminPath, store: string, session: string, fields: Record<string, string>): Request {
  return new Request(`https://rassure.test${path}?store=${encodeURIComponent(store)}&locale=fr`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { [ADMIN_SESSION_HEADER]: session, "Content-Type": "application/x-www-form-urlencoded" },
  });
}
