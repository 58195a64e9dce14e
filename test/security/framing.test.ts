/**
 * Who may frame which page: the wp-admin pages only the connected store (their own policy wins
 * over Shopify's, whatever the URL says), the Shopify admin pages Shopify's origins plus
 * RASSURE_FRAME_ANCESTORS (added, never replacing), and login/connect/return no one.
 */
import { describe, expect, it } from "vitest";
import { applyFramePolicy, extraFrameAncestors } from "../../app/http/frame-policy";
import { headers as connectHeaders } from "../../app/routes/woocommerce.connect";
import { headers as returnHeaders } from "../../app/routes/woocommerce.return";
import { headers as loginHeaders } from "../../app/routes/auth.login/route";
import { wooAdminFrameHeaders } from "../../app/woocommerce/admin-access.server";

const SHOPIFY = "frame-ancestors https://demo.myshopify.com https://admin.shopify.com;";
const shopifyHeaders = (policy: string | null) => (headers: Headers) => {
  if (policy) headers.set("Content-Security-Policy", policy);
};
const csp = (headers: Headers) => headers.get("Content-Security-Policy");

describe("frame-ancestors", () => {
  it("a wp-admin page keeps its own policy (the store only), even when the URL names a Shopify shop", () => {
    const headers = new Headers(wooAdminFrameHeaders("https://boutique.example"));
    applyFramePolicy(headers, shopifyHeaders(SHOPIFY), ["https://other-store.example"]);
    expect(csp(headers)).toBe("frame-ancestors https://boutique.example;");
  });

  it("extra origins extend Shopify's policy and never replace it", () => {
    const headers = new Headers();
    applyFramePolicy(headers, shopifyHeaders(SHOPIFY), ["http://127.0.0.1:3457"]);
    expect(csp(headers)).toBe("frame-ancestors https://demo.myshopify.com https://admin.shopify.com http://127.0.0.1:3457;");
  });

  it("a page no one may frame stays so, and a page without a policy gets none from the extras", () => {
    const closed = new Headers({ "Content-Security-Policy": "frame-ancestors 'none';" });
    applyFramePolicy(closed, shopifyHeaders(null), ["https://store.example"]);
    expect(csp(closed)).toBe("frame-ancestors 'none';");
    const none = new Headers();
    applyFramePolicy(none, shopifyHeaders("frame-ancestors 'none';"), ["https://store.example"]);
    expect(csp(none)).toBe("frame-ancestors 'none';");
    const nothing = new Headers();
    applyFramePolicy(nothing, shopifyHeaders(null), ["https://store.example"]);
    expect(csp(nothing)).toBeNull();
  });

  it("RASSURE_FRAME_ANCESTORS contributes plain origins only", () => {
    expect(extraFrameAncestors("https://a.example  http://127.0.0.1:3457 'none' *; script-src https://b.example/x")).toEqual(["https://a.example", "http://127.0.0.1:3457"]);
    expect(extraFrameAncestors(undefined)).toEqual([]);
  });

  it("login, connect and return are framed by no one", () => {
    for (const headers of [connectHeaders, returnHeaders, loginHeaders]) {
      expect(new Headers(headers()).get("Content-Security-Policy")).toBe("frame-ancestors 'none';");
    }
  });
});
