import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type EntryContext } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { applyFramePolicy, extraFrameAncestors } from "./http/frame-policy";
import { loggerFor } from "./logger.server";
import { addDocumentResponseHeaders } from "./shopify.server";

export const streamTimeout = 5000;

/** Shopify's header preloads App Bridge from its CDN; preload the overridden script instead. */
function preloadConfiguredAppBridge(headers: Headers) {
  const override = process.env.APP_BRIDGE_URL?.trim();
  if (override && headers.has("Link")) headers.set("Link", `<${override}>; rel="preload"; as="script";`);
}

export default async function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  // RASSURE_FRAME_ANCESTORS: origins that may embed the Shopify admin pages besides Shopify's own.
  applyFramePolicy(responseHeaders, (headers) => addDocumentResponseHeaders(request, headers), extraFrameAncestors(process.env.RASSURE_FRAME_ANCESTORS));
  preloadConfiguredAppBridge(responseHeaders);
  const callbackName = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} />, {
      [callbackName]: () => {
        const body = new PassThrough();
        responseHeaders.set("Content-Type", "text/html");
        resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        loggerFor(request).error("render failed", { error });
      },
    });
    // Let React reject the remaining promises, then abort the render.
    setTimeout(abort, streamTimeout + 1000);
  });
}

/**
 * Errors thrown by loaders and actions, logged once with the request id (aborted requests are
 * not errors). A path no route serves (a missing favicon, a scanner's probe) is the visitor's
 * 404: one info line with the status, no stack trace.
 */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) {
    loggerFor(request).info(error.status === 404 ? "not found" : "request refused", { status: error.status, method: request.method });
    return;
  }
  loggerFor(request).error("request failed", { error });
}
