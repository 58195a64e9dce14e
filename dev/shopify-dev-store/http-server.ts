/**
 * A node:http server that hands each request to a Web-standard
 * (Request) => Promise<Response> handler.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type RequestHandler = (request: Request) => Promise<Response>;

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

async function toWebRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
  const method = req.method ?? "GET";
  let body: ArrayBuffer | undefined;
  if (method !== "GET" && method !== "HEAD") {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const joined = Buffer.concat(chunks);
    body = joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength) as ArrayBuffer;
  }
  return new Request(new URL(req.url ?? "/", origin), { method, headers, body });
}

async function writeWebResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  const setCookies = response.headers.getSetCookie();
  if (setCookies.length > 0) headers["set-cookie"] = setCookies;
  res.writeHead(response.status, response.statusText, headers);
  if (response.body) res.end(Buffer.from(await response.arrayBuffer()));
  else res.end();
}

export async function startHttpServer(
  handler: RequestHandler,
  options: { port: number; host: string; onError: (error: unknown) => void },
): Promise<RunningServer> {
  let origin = "";
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const response = await handler(await toWebRequest(req, origin));
        await writeWebResponse(res, response);
      } catch (error) {
        options.onError(error);
        if (!res.headersSent) {
          res.writeHead(500, { "Content-Type": "application/json; charset=utf-8" });
          res.end(JSON.stringify({ errors: `Rassure dev store crashed: ${error instanceof Error ? error.message : String(error)}` }));
        } else {
          res.end();
        }
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  origin = `http://${host}:${address.port}`;
  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
