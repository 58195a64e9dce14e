/**
 * A TLS-terminating proxy in front of the dev store's http server, as most WordPress hosts run
 * one: the store is then reached over real https (certificate checked by clients), so the
 * https side of WooCommerce's key auth (Basic / query keys) can be exercised end to end.
 */
import net from "node:net";
import tls from "node:tls";

export interface TlsProxy {
  url: string;
  close(): Promise<void>;
}

export async function startTlsProxy(upstreamUrl: string, credentials: { key: string; cert: string }, options: { port: number; host: string }): Promise<TlsProxy> {
  const upstream = new URL(upstreamUrl);
  const sockets = new Set<net.Socket>();
  const server = tls.createServer(credentials, (socket) => {
    const backend = net.connect(Number(upstream.port), upstream.hostname);
    for (const s of [socket, backend]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
    }
    socket.on("error", () => backend.destroy());
    backend.on("error", () => socket.destroy());
    socket.pipe(backend).pipe(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `https://${options.host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
