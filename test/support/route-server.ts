/**
 * Serves the app's Remix route modules over HTTP inside the test process, so the local dev
 * store can deliver real HTTP webhooks (real headers, real HMAC) to the real actions while
 * the test inspects the same database. Paths map to flat-route files the way Remix maps
 * them: /webhooks/app/uninstalled → app/routes/webhooks.app.uninstalled.tsx. Shopify's
 * deliveries go through the route's Node door first, as in production.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { NodeWebhookReceiver } from "../../app/webhooks/shopify-route.server";

type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<Response>;
/** A Shopify webhook route's action also carries the Node door the production server uses first. */
type RouteModule = { action?: Handler & { receiveNode?: NodeWebhookReceiver }; loader?: Handler };

/** Node's request as the web Request Remix would hand an action. */
export async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const body = chunks.length ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(req.url ?? "/", origin), { method: req.method, headers, body });
}

export interface RouteServer {
  url: string;
  close(): Promise<void>;
}

export async function startRouteServer(port = 0): Promise<RouteServer> {
  // As in the built server, whose entry loads it: the composition root wires the background jobs.
  await import("../../app/shopify.server");
  const server: Server = createServer(async (req, res) => {
    const origin = `http://${req.headers.host}`;
    const pathname = new URL(req.url ?? "/", origin).pathname;
    const file = path.resolve("app/routes", `${pathname.replace(/^\//, "").split("/").join(".")}.tsx`);
    let response: Response;
    try {
      const route = (await import(file)) as RouteModule;
      // As server/http-server.mjs: a delivery the route's Node door takes never becomes a web Request.
      if (route.action?.receiveNode?.(req, res)) return;
      // GET goes to the loader where the route has one (e.g. the trust page), else to the action as before.
      const handler = req.method === "GET" && route.loader ? route.loader : route.action;
      if (!handler) throw new Response("No action", { status: 405 });
      response = await handler({ request: await toRequest(req, origin), params: {}, context: {} });
    } catch (error) {
      if (error instanceof Response) response = error;
      else if ((error as { code?: string }).code === "ERR_MODULE_NOT_FOUND") response = new Response("Not found", { status: 404 });
      else response = new Response(String(error), { status: 500 });
    }
    await writeResponse(res, response);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: actual } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${actual}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Writes an action's Response back over Node's response. */
export async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
}
