/** The URL of a Rassure page inside wp-admin, carrying the session (links between the pages, form actions). */
export function wooAdminUrl(path: "/woocommerce/admin" | "/woocommerce/admin/blocks" | "/woocommerce/admin/legal", store: string, session: string, locale: string): string {
  return `${path}?${new URLSearchParams({ store, token: session, locale })}`;
}
