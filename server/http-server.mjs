// The app's HTTP server for production (`npm start`) and the offline demo: Remix's
// request handler behind Express, with the built client assets served immutable, and
// everything compressed for browsers that accept it.
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
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

export function createAppHandler(build) {
  const app = express();
  app.disable("x-powered-by");
  // One id per request, kept from a trusted proxy when well-formed, echoed to the client and
  // carried into every log line the request produces (app/logger.server.ts).
  app.use((req, res, next) => {
    const id = acceptOrCreateRequestId(req.get(REQUEST_ID_HEADER));
    req.headers[REQUEST_ID_HEADER] = id;
    res.setHeader("X-Request-Id", id);
    next();
  });
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
export function listen(app, port, host) {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, () => resolve(server));
    server.once("error", (error) => {
      if (error.code === "EADDRINUSE") reject(new Error(`Port ${port} is already in use. Stop the program using it, or set PORT to a free port.`));
      else if (error.code === "EACCES") reject(new Error(`Port ${port} needs privileges this user does not have. Set PORT to a number above 1024.`));
      else reject(error);
    });
  });
}
