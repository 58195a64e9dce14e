/**
 * The client address the storefront limits key on: never an entry the client wrote itself.
 */
import { describe, expect, it } from "vitest";
import { clientAddress, trustedProxyHops } from "../../app/http/client-address.server";

describe("client address", () => {
  it("with no trusted proxy (the default), is the connection's peer whatever the headers say", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(clientAddress("1.2.3.4", "::ffff:203.0.113.9", 0)).toBe("203.0.113.9");
    expect(clientAddress(null, undefined, 0)).toBe("unknown");
  });

  it("behind N trusted proxies, is the N-th entry from the right, never the left-most", () => {
    expect(clientAddress("6.6.6.6, 198.51.100.2", "10.0.0.1", 1)).toBe("198.51.100.2");
    expect(clientAddress("6.6.6.6, 198.51.100.2, 10.1.1.1", "10.0.0.1", 2)).toBe("198.51.100.2");
    expect(clientAddress("[2001:db8::1]:443", "10.0.0.1", 1)).toBe("2001:db8::1");
    expect(clientAddress("198.51.100.2:5123", "10.0.0.1", 1)).toBe("198.51.100.2");
    // A direct request that skipped the proxy carries no entry: the peer is all there is.
    expect(clientAddress(null, "10.0.0.1", 1)).toBe("10.0.0.1");
  });

  it("refuses a malformed hop count with a message naming the variable", () => {
    expect(trustedProxyHops({ RASSURE_TRUSTED_PROXY_HOPS: "2" })).toBe(2);
    expect(() => trustedProxyHops({ RASSURE_TRUSTED_PROXY_HOPS: "two" })).toThrow(/RASSURE_TRUSTED_PROXY_HOPS/);
  });
});
