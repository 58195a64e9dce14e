/**
 * SSRF guard for every request Rassure sends to a host a merchant named (the storefront probe,
 * the WooCommerce REST client, the connect check): such a host must resolve to public addresses
 * only — private, loopback, link-local and other non-public ranges are refused unless explicitly
 * allowed for development. The check is made on the resolved IPs (not the host name), and the
 * socket connects to the exact address that was checked (no second DNS lookup to rebind).
 */
import { lookup as dnsLookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24], ["203.0.113.0", 24],
  ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8], ["2001:db8::", 32], ["64:ff9b::", 96], ["100::", 64],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, "ipv6");
}

/** A host that resolves (or is) a non-public address while those are not allowed. */
export class AddressRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AddressRefusedError";
  }
}

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !NON_PUBLIC.check(address, "ipv4");
  if (family !== 6) return false;
  // IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged by its IPv4 part.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPublicAddress(mapped[1]);
  return !NON_PUBLIC.check(address, "ipv6");
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves `host` and returns an address safe to connect to, or throws AddressRefusedError. */
export async function resolveAllowed(host: string, allowPrivate: boolean): Promise<ResolvedAddress> {
  const bare = host.replace(/^\[|\]$/g, "");
  const literal = isIP(bare);
  const addresses: ResolvedAddress[] = literal
    ? [{ address: bare, family: literal as 4 | 6 }]
    : (await dnsLookup(bare, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family as 4 | 6 }));
  if (!addresses.length) throw new Error(`${host} does not resolve`);
  if (allowPrivate) return addresses[0];
  // Every address must be public: a host resolving to one public and one private IP is refused.
  const refused = addresses.find((a) => !isPublicAddress(a.address));
  if (refused) throw new AddressRefusedError(`${host} resolves to the non-public address ${refused.address}; Rassure only contacts public addresses`);
  return addresses[0];
}

/** A `lookup` for node:http(s)/tls that answers with the already-checked address. */
export function pinnedLookup(resolved: ResolvedAddress) {
  return (_hostname: string, options: { all?: boolean } | number | undefined, callback: (...args: unknown[]) => void) => {
    if (typeof options === "object" && options?.all) callback(null, [{ address: resolved.address, family: resolved.family }]);
    else callback(null, resolved.address, resolved.family);
  };
}
