/**
 * A plain GET for the public WordPress REST index, under the same rules as the REST client:
 * the connection's checked address and total deadline (adapters/http/outbound.ts), a byte cap,
 * certificate verification always on (an extra trusted CA can be given for development
 * stores), and no redirects followed.
 */
import http from "node:http";
import https from "node:https";
import type { GuardedConnection } from "../http/outbound";

export interface GetOptions {
  connection: Pick<GuardedConnection, "lookup" | "signal">;
  maxBytes: number;
  ca?: string | string[];
  /** Default application/json (the REST index); a storefront page asks for text/html. */
  accept?: string;
}

export class HttpGetError extends Error {
  constructor(
    message: string,
    readonly tooLarge: boolean,
  ) {
    super(message);
    this.name = "HttpGetError";
  }
}

export function httpGet(target: string, options: GetOptions): Promise<{ status: number; body: string; headers: Record<string, string | undefined> }> {
  const url = new URL(target);
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(
      url,
      { headers: { Accept: options.accept ?? "application/json" }, lookup: options.connection.lookup as never, signal: options.connection.signal, agent: false, ...(options.ca ? { ca: options.ca } : {}) },
      (response) => {
        const declared = Number(response.headers["content-length"]);
        if (declared > options.maxBytes) {
          response.destroy();
          return reject(new HttpGetError("answer too large", true));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            response.destroy();
            reject(new HttpGetError("answer too large", true));
            return;
          }
          chunks.push(chunk);
        });
        const headers = { "retry-after": typeof response.headers["retry-after"] === "string" ? response.headers["retry-after"] : undefined };
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers }));
        response.on("error", (error) => reject(new HttpGetError(error.message, false)));
      },
    );
    request.on("error", (error) => reject(new HttpGetError(error.message, false)));
  });
}
