/** WordPress REST response helpers: JSON bodies, `WP_Error` shapes and pagination headers. */
import { escapeHtml } from "../shopify-dev-store/responses";

export { escapeHtml };

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=UTF-8", ...headers } });
}

/** A WP_Error as the REST server serialises it: `{code, message, data: {status}}`. */
export function wpError(code: string, message: string, status: number): Response {
  return json({ code, message, data: { status } }, status);
}

export const noRoute = () => wpError("rest_no_route", "No route was found matching the URL and request method.", 404);

export function html(body: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { "Content-Type": "text/html; charset=UTF-8", ...headers } });
}

/** Paginates like WP_REST_Controller: `page`/`per_page` (1–100), X-WP-Total(Pages) and Link. */
export function paginated(items: unknown[], url: URL, publicUrl: string): Response {
  const perPageRaw = Number(url.searchParams.get("per_page") ?? 10);
  const pageRaw = Number(url.searchParams.get("page") ?? 1);
  if (!Number.isInteger(perPageRaw) || perPageRaw < 1 || perPageRaw > 100) {
    return wpError("rest_invalid_param", "Invalid parameter(s): per_page", 400);
  }
  if (!Number.isInteger(pageRaw) || pageRaw < 1) return wpError("rest_invalid_param", "Invalid parameter(s): page", 400);
  const total = items.length;
  const totalPages = Math.ceil(total / perPageRaw);
  if (total > 0 && pageRaw > totalPages) {
    return wpError("rest_post_invalid_page_number", "The page number requested is larger than the number of pages available.", 400);
  }
  const links: string[] = [];
  const pageUrl = (page: number) => {
    // Like PHP's $_GET: one value per name (the last); credentials are never echoed back.
    const target = new URL(url.pathname, publicUrl);
    for (const [name, value] of url.searchParams) {
      if (!name.startsWith("oauth_") && !name.startsWith("consumer_")) target.searchParams.set(name, value);
    }
    target.searchParams.set("page", String(page));
    return target.href;
  };
  if (pageRaw > 1) links.push(`<${pageUrl(pageRaw - 1)}>; rel="prev"`);
  if (pageRaw < totalPages) links.push(`<${pageUrl(pageRaw + 1)}>; rel="next"`);
  const headers: Record<string, string> = { "X-WP-Total": String(total), "X-WP-TotalPages": String(totalPages) };
  if (links.length) headers.Link = links.join(", ");
  return json(items.slice((pageRaw - 1) * perPageRaw, pageRaw * perPageRaw), 200, headers);
}
