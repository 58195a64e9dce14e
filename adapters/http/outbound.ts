/**
 * What one request to a merchant-supplied host needs before it leaves: the host's address,
 * resolved and checked by the address guard (the socket then connects to that address and no
 * other), and a total deadline. Node's and axios's `timeout` only fire after a silence, so a
 * server that drips one byte a second would hold the request for as long as it likes; the
 * deadline signal aborts it when the time is up, whatever the pace (name resolution included).
 */
import { pinnedLookup, resolveAllowed } from "./address-guard";

export interface OutboundPolicy {
  /** Development only: let private and loopback addresses through. */
  allowPrivateAddresses: boolean;
  /** The whole request, from name resolution to the last byte. */
  deadlineMs: number;
}

/** The deadline ran out (the request was aborted). */
export class DeadlineExceededError extends Error {
  constructor(readonly deadlineMs: number) {
    super(`no complete answer within ${deadlineMs} ms`);
    this.name = "DeadlineExceededError";
  }
}

export interface GuardedConnection {
  /** For node:http(s) and axios: answers with the checked address. */
  lookup: ReturnType<typeof pinnedLookup>;
  /** Aborts the request when the deadline is reached. */
  signal: AbortSignal;
  /** True once the deadline has passed (to tell a deadline from another abort). */
  expired(): boolean;
}

/**
 * Resolves and checks the host of `url`, within the deadline. Throws AddressRefusedError for a
 * non-public address, DeadlineExceededError when resolution alone takes too long.
 */
export async function guardedConnection(url: string | URL, policy: OutboundPolicy): Promise<GuardedConnection> {
  const signal = AbortSignal.timeout(policy.deadlineMs);
  const expired = () => signal.aborted;
  const host = new URL(url).hostname;
  let onAbort: () => void = () => undefined;
  const deadline = new Promise<never>((_, reject) => {
    onAbort = () => reject(new DeadlineExceededError(policy.deadlineMs));
    signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    const resolved = await Promise.race([resolveAllowed(host, policy.allowPrivateAddresses), deadline]);
    return { lookup: pinnedLookup(resolved), signal, expired };
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}
