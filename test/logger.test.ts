/** Structured logs carry the request id and never a secret. */
import { describe, expect, it } from "vitest";
import { log, loggerFor, redact } from "../app/logger.server";
import { logCapture } from "./support/log-capture";

const logs = logCapture();
const lines = logs.lines;
const capture = () => logs.start("debug");

describe("logger", () => {
  it("writes one JSON object per line with the request id the server assigned", () => {
    capture();
    const request = new Request("https://app.example/webhooks/app/uninstalled", { headers: { "x-request-id": "req-12345678" } });
    loggerFor(request, { topic: "APP_UNINSTALLED" }).info("webhook handled", { shop: "a.myshopify.com" });
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({ level: "info", msg: "webhook handled", requestId: "req-12345678", path: "/webhooks/app/uninstalled", topic: "APP_UNINSTALLED", shop: "a.myshopify.com" });
    expect(Date.parse(entry.time)).not.toBeNaN();
  });

  it("invents a request id when none (or a malformed one) came with the request", () => {
    capture();
    loggerFor(new Request("https://app.example/x", { headers: { "x-request-id": "bad id <script>" } })).warn("hello");
    expect(JSON.parse(lines[0]).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("redacts secret fields and credential-shaped values, however deep", () => {
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
    const redacted = redact({
      accessToken: "anything",
      nested: { consumer_secret: "x", list: [{ Authorization: "Bearer y" }], note: `token shpat_${"a".repeat(32)} and ${jwt}` },
      error: new Error(`failed with ck_${"0".repeat(40)}`),
      shop: "a.myshopify.com",
    });
    const text = JSON.stringify(redacted);
    expect(text).not.toMatch(/anything|shpat_a|eyJhbGci|ck_000|Bearer y/);
    expect(redacted).toMatchObject({ accessToken: "[redacted]", shop: "a.myshopify.com", nested: { consumer_secret: "[redacted]" } });
  });

  it("drops lines below the configured level", () => {
    logs.start("warn");
    log("info", "quiet");
    log("error", "loud");
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(["loud"]);
  });
});
