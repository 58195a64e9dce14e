// The app's HTTP server for production (`npm start`) and the offline demo: Remix's
// request handler behind Express, with the built client assets served immutable, and
// everything compressed for browsers that accept it. Shopify's webhook deliveries go to their
// routes' Node door first (receiveNode, app/webhooks/shopify-route.server.ts), ahead of both.
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import { createServer } from "node:http";
// Node 22 strips the types of this dependency-free module: one rule for request ids, here and in the logs.
import { acceptOrCreateRequestId, REQUEST_ID_HEADER } from "../app/logger.server.ts";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

export async function loadServerBuild() {
  const buildPath = path.join(root, "build/server/index.js");
  try {
    return await import(buildPath);
  } catch (error) {
    if (error?.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("build/server/index.js")) {
      throw new Error("The app is not built yet: run `npm run build` first.");
    }
    throw error;
  }
}

/** The full path of a route of the build: its own path under its parents' ("webhooks/app/uninstalled" → "/webhooks/app/uninstalled"). */
function routePath(routes, route) {
  const segments = [];
  for (let at = route; at; at = at.parentId ? routes[at.parentId] : undefined) if (at.path) segments.unshift(at.path);
  return `/${segments.join("/")}`;
}

/** Each route whose action has a Node door: its path → the door. */
export function webhookDoors(build) {
  const byPath = new Map();
  for (const route of Object.values(build.routes)) {
    const receive = route.module?.action?.receiveNode;
    if (typeof receive === "function") byPath.set(routePath(build.routes, route), receive);
  }
  return byPath;
}

/**
 * The routes whose action has a Node door, by path: a delivery to one of those paths goes to it
 * without Express or Remix. A request the door does not take (not POST, not signed the classic
 * way) and every other path go on to Remix, which answers as it always did.
 */
export function webhookReceivers(build) {
  const byPath = webhookDoors(build);
  return (req, res) => {
    const receive = req.method === "POST" ? byPath.get((req.url ?? "").split("?")[0]) : undefined;
    return receive ? receive(req, res) : false;
  };
}

/** The request listener of the app's HTTP server (createServer's, or listen below). */
export function createAppHandler(build) {
  const app = expressApp(build);
  const webhooks = webhookReceivers(build);
  return (req, res) => {
    // One id per request, kept from a trusted proxy when well-formed, echoed to the client and
    // carried into every log line the request produces (app/logger.server.ts).
    const id = acceptOrCreateRequestId(req.headers[REQUEST_ID_HEADER]);
    req.headers[REQUEST_ID_HEADER] = id;
    res.setHeader("X-Request-Id", id);
    if (!webhooks(req, res)) app(req, res);
  };
}

/** Everything but the webhook deliveries: static assets, then Remix. */
function expressApp(build) {
  const app = express();
  app.disable("x-powered-by");
  // Brotli or gzip, as the browser asks: Polaris's stylesheet (render-blocking, 440 KB) and the
  // scripts shrink 4–10 times, which is most of an admin page's first load on a real connection.
  app.use(compression());
  app.use("/assets", express.static(path.join(root, "build/client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(root, "build/client"), { maxAge: "1h" }));
  // The connection's peer: the only client address no header can forge (app/http/client-address.server.ts).
  app.all("*", createRequestHandler({ build, getLoadContext: (req) => ({ peerAddress: req.socket.remoteAddress }) }));
  return app;
}

/** Listens and resolves with the server, or rejects with a message that says what to do. */
export function listen(handler, port, host) {
  return new Promise((resolve, reject) => {
    const server = createServer(handler).listen(port, host, () => resolve(server));
    server.once("error", (error) => {
      if (error.code === "EADDRINUSE") reject(new Error(`Port ${port} is already in use. Stop the program using it, or set PORT to a free port.`));
      else if (error.code === "EACCES") reject(new Error(`Port ${port} needs privileges this user does not have. Set PORT to a number above 1024.`));
      else reject(error);
    });
  });
}
