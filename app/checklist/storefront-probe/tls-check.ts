/**
 * Reads the storefront's TLS certificate: whether Node's verification accepts it (and why
 * not), the protocol, the expiry and whether it covers the host. The handshake is made with
 * verification reported instead of enforced so an expired or self-signed certificate can be
 * described to the merchant; no request is ever sent over such a connection (pages are
 * fetched by http-client.ts with verification on).
 */
import tls from "node:tls";
import type { TlsFact } from "../../../adapters/checklist-snapshot";
import { pinnedLookup, resolveAllowed } from "../../../adapters/http/address-guard";

const DAY_MS = 86_400_000;

export async function inspectTls(host: string, port: number, options: { allowPrivate: boolean; ca?: string | string[]; timeoutMs: number; now: Date }): Promise<TlsFact> {
  const resolved = await resolveAllowed(host, options.allowPrivate);
  return new Promise<TlsFact>((resolve, reject) => {
    const socket = tls.connect({
      host,
      port,
      servername: /^[\d.]+$|:/.test(host) ? undefined : host,
      ca: options.ca,
      lookup: pinnedLookup(resolved) as never,
      rejectUnauthorized: false,
    });
    const timer = setTimeout(() => socket.destroy(new Error(`TLS handshake timed out after ${options.timeoutMs} ms`)), options.timeoutMs);
    socket.once("secureConnect", () => {
      clearTimeout(timer);
      const certificate = socket.getPeerCertificate();
      const validTo = certificate?.valid_to ? new Date(certificate.valid_to) : null;
      const coversHost = certificate?.subject ? tls.checkServerIdentity(host, certificate) === undefined : null;
      resolve({
        authorized: socket.authorized,
        authorizationError: socket.authorizationError ? String((socket.authorizationError as Error & { code?: string }).code ?? socket.authorizationError) : null,
        protocol: socket.getProtocol(),
        validTo: validTo ? validTo.toISOString() : null,
        daysLeft: validTo ? Math.floor((validTo.getTime() - options.now.getTime()) / DAY_MS) : null,
        coversHost,
      });
      socket.end();
    });
    socket.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
