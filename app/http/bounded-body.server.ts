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

function mediaTypeOf(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
}

export async function readBoundedText(request: Request, { maxBytes, mediaTypes }: BodyLimits): Promise<string> {
  if (mediaTypes && !mediaTypes.includes(mediaTypeOf(request))) {
    throw new RejectedBody(415, `Expected a ${mediaTypes.join(" or ")} body.`);
  }
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw new RejectedBody(413, `Body larger than ${maxBytes} bytes.`);
  if (!request.body) return "";

  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      throw new RejectedBody(413, `Body larger than ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new RejectedBody(400, "Body is not valid UTF-8.");
  }
}
