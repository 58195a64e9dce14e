/**
 * An unknown path (a missing favicon, a scanner's probe) is the visitor's 404, not the app's
 * error: one info line with the status, no stack trace. Real failures still log as errors.
 * The errors are the ones Remix hands to `handleError` (built by its router for the request).
 */
import { createStaticHandler, type StaticHandlerContext } from "@remix-run/router";
import { describe, expect, it } from "vitest";
import { handleError } from "../app/entry.server";
import { logCapture } from "./support/log-capture";

const logs = logCapture();
const lines = logs.lines;
const capture = () => logs.start("info");

/** What Remix's router reports for a request, as its document handler receives it. */
async function routerErrors(path: string): Promise<{ request: Request; errors: unknown[] }> {
  const handler = createStaticHandler([{ id: "root", path: "/", children: [{ id: "app", path: "app", loader: () => { throw new Error("database is down"); } }] }]);
  const request = new Request(`http://127.0.0.1${path}`);
  const context = (await handler.query(request)) as StaticHandlerContext;
  return { request, errors: Object.values(context.errors ?? {}) };
}

describe("logging what Remix reports", () => {
  it("logs a missing path at info level with its status and no stack trace", async () => {
    capture();
    const { request, errors } = await routerErrors("/favicon.ico");
    expect(errors).toHaveLength(1);
    for (const error of errors) handleError(error, { request });
    expect(lines.map((line) => JSON.parse(line))).toEqual([expect.objectContaining({ level: "info", msg: "not found", status: 404, path: "/favicon.ico" })]);
    expect(lines.join("\n")).not.toMatch(/stack|"level":"error"/);
  });

  it("still logs a loader's failure as an error", async () => {
    capture();
    const { request, errors } = await routerErrors("/app");
    for (const error of errors) handleError(error, { request });
    expect(JSON.parse(lines[0])).toMatchObject({ level: "error", msg: "request failed", error: { message: "database is down" } });
  });
});
