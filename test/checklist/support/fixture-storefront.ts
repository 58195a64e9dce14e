/**
 * Local storefronts for the probe tests: an HTTPS server answering from a route table, and
 * a plain HTTP server (for the HTTP→HTTPS redirect test).
 */
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";

export type FixtureRoute = (request: http.IncomingMessage, response: http.ServerResponse) => void;

export interface FixtureServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

function listen(server: http.Server, scheme: "http" | "https"): Promise<FixtureServer> {
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `${scheme}://127.0.0.1:${port}`,
        port,
        close: () => new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}

function dispatch(routes: Record<string, FixtureRoute>): http.RequestListener {
  return (request, response) => {
    const route = routes[new URL(request.url ?? "/", "http://x").pathname];
    if (route) route(request, response);
    else response.writeHead(404, { "Content-Type": "text/html" }).end("<h1>Not found</h1>");
  };
}

export function startHttpsFixture(tls: { key: string; cert: string }, routes: Record<string, FixtureRoute>): Promise<FixtureServer> {
  return listen(https.createServer({ key: tls.key, cert: tls.cert }, dispatch(routes)), "https");
}

export function startHttpFixture(routes: Record<string, FixtureRoute>): Promise<FixtureServer> {
  return listen(http.createServer(dispatch(routes)), "http");
}

export const html = (body: string, headers: Record<string, string> = {}): FixtureRoute => (_request, response) => {
  response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", ...headers }).end(body);
};
