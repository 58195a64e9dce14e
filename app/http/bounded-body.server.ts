import type { IncomingMessage } from "node:http";

/**
 * Reads a request body the way an endpoint exposed to the internet must: at most `maxBytes`
 * (counted while streaming, so a lying or missing Content-Length cannot exhaust memory),
 * of an expected media type, and valid UTF-8. Anything else is a clear 4xx, never a crash.
 */
export class RejectedBody extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
    this.name = "RejectedBody";
  }

  toResponse(): Response {
    return new Response(this.message, { status: this.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}

export interface BodyLimits {
  maxBytes: number;
  /** Accepted media types (parameters such as charset ignored); omit to accept any. */
  mediaTypes?: string[];
}

/**
 * What can be refused before a byte of the body is read: the media type (parameters such as
 * charset ignored) and a declared Content-Length over the limit.
 */
function refuseByHeaders(contentType: string | null | undefined, contentLength: string | null | undefined, { maxBytes, mediaTypes }: BodyLimits): void {
  const mediaType = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (mediaTypes && !mediaTypes.includes(mediaType)) throw new RejectedBody(415, `Expected a ${mediaTypes.join(" or ")} body.`);
  const declared = Number(contentLength);
  if (Number.isFinite(declared) && declared > maxBytes) throw new RejectedBody(413, `Body larger than ${maxBytes} bytes.`);
}

const tooLarge = (maxBytes: number) => new RejectedBody(413, `Body larger than ${maxBytes} bytes.`);

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new RejectedBody(400, "Body is not valid UTF-8.");
  }
}

export async function readBoundedText(request: Request, limits: BodyLimits): Promise<string> {
  refuseByHeaders(request.headers.get("content-type"), request.headers.get("content-length"), limits);
  if (!request.body) return "";

  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limits.maxBytes) {
      await reader.cancel();
      throw tooLarge(limits.maxBytes);
    }
    chunks.push(value);
  }
  return decodeUtf8(Buffer.concat(chunks));
}

/**
 * readBoundedText for Node's own request (the webhook receiver ahead of Remix builds no web
 * Request). Past the limit the rest of the body is discarded as it arrives, never kept, so the
 * server can still answer 413 on the same connection (destroying the stream would close it).
 */
export function readBoundedNodeText(request: IncomingMessage, limits: BodyLimits): Promise<string> {
  return new Promise((resolve, reject) => {
    refuseByHeaders(request.headers["content-type"], request.headers["content-length"], limits);
    const chunks: Buffer[] = [];
    let received = 0;
    const onEnd = () => {
      try {
        resolve(decodeUtf8(Buffer.concat(chunks, received)));
      } catch (error) {
        reject(error);
      }
    };
    const onData = (chunk: Buffer) => {
      received += chunk.byteLength;
      if (received <= limits.maxBytes) return void chunks.push(chunk);
      request.off("data", onData).off("end", onEnd);
      chunks.length = 0;
      request.resume(); // flowing with no listener: discarded
      reject(tooLarge(limits.maxBytes));
    };
    request.on("data", onData).once("end", onEnd);
    request.once("error", reject);
    // The sender went away before the end: nobody waits for the answer, but the promise must settle.
    request.once("close", () => {
      if (!request.complete) reject(new RejectedBody(400, "The body ended early."));
    });
  });
}

/** What a form of a few fields needs; routes with long texts (legal texts, the blocks editor) pass their own limit. */
export const FORM_MAX_BYTES = 8 * 1024;

/**
 * A url-encoded form post read within `maxBytes`. A refused body is thrown as its 4xx Response
 * (Remix answers a thrown Response as is), so a route reads its form in one line.
 */
export async function readBoundedForm(request: Request, maxBytes = FORM_MAX_BYTES): Promise<URLSearchParams> {
  try {
    return new URLSearchParams(await readBoundedText(request, { maxBytes, mediaTypes: ["application/x-www-form-urlencoded"] }));
  } catch (error) {
    if (error instanceof RejectedBody) throw error.toResponse();
    throw error;
  }
}

/** The same request with its body already read (libraries that read the body themselves get this copy). */
export function withBody(request: Request, body: string): Request {
  return new Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal });
}
