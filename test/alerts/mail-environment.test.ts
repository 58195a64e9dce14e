/** The alert mail variables, checked at start like the others: one clear line naming the variable. */
import { describe, expect, it } from "vitest";
import { EnvironmentError, readAlertMailEnvironment, readEnvironment } from "../../app/env.server";

const app = {
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "secret",
  SHOPIFY_APP_URL: "https://rassure.example.com",
  SCOPES: "read_orders",
  RASSURE_ENCRYPTION_KEY: "a".repeat(64),
};

/** The error readEnvironment stops with (or the test fails). */
function failure(source: Record<string, string>): EnvironmentError {
  const thrown = (() => {
    try {
      return readEnvironment({ ...app, ...source }) && null;
    } catch (error) {
      return error;
    }
  })();
  expect(thrown).toBeInstanceOf(EnvironmentError);
  return thrown as EnvironmentError;
}

describe("alert mail environment", () => {
  it("no mail server: alerts are recorded, not sent", () => {
    expect(readEnvironment(app).alertMail).toEqual({ smtp: null, from: null });
  });

  it("reads a URL (smtps = TLS from the start, credentials decoded) or host/port/user/pass/secure", () => {
    expect(readAlertMailEnvironment({ RASSURE_SMTP_URL: "smtps://alerts%40shop:p%40ss%3Aword@smtp.example.com", RASSURE_ALERTS_FROM: "Rassure <alerts@example.com>" })).toEqual({
      smtp: { host: "smtp.example.com", port: 465, secure: true, auth: { user: "alerts@shop", pass: "p@ss:word" } },
      from: "Rassure <alerts@example.com>",
    });
    expect(readAlertMailEnvironment({ RASSURE_SMTP_URL: "smtp://127.0.0.1:2525", RASSURE_ALERTS_FROM: "alerts@localhost" }).smtp).toEqual({ host: "127.0.0.1", port: 2525, secure: false, auth: null });
    expect(readAlertMailEnvironment({ RASSURE_SMTP_HOST: "smtp.example.com", RASSURE_SMTP_USER: "u", RASSURE_SMTP_PASS: "p", RASSURE_ALERTS_FROM: "alerts@example.com" }).smtp).toEqual({
      host: "smtp.example.com",
      port: 587,
      secure: false,
      auth: { user: "u", pass: "p" },
    });
    expect(readAlertMailEnvironment({ RASSURE_SMTP_HOST: "smtp.example.com", RASSURE_SMTP_SECURE: "true", RASSURE_ALERTS_FROM: "alerts@example.com" }).smtp?.port).toBe(465);
  });

  it.each([
    [{ RASSURE_SMTP_URL: "not a url", RASSURE_ALERTS_FROM: "a@example.com" }, "RASSURE_SMTP_URL", "is not a URL"],
    [{ RASSURE_SMTP_URL: "https://smtp.example.com", RASSURE_ALERTS_FROM: "a@example.com" }, "RASSURE_SMTP_URL", "smtp://"],
    [{ RASSURE_SMTP_URL: "smtp://a.example", RASSURE_SMTP_HOST: "b.example", RASSURE_ALERTS_FROM: "a@example.com" }, "RASSURE_SMTP_URL", "keep one"],
    [{ RASSURE_SMTP_HOST: "smtp.example.com", RASSURE_SMTP_PORT: "99999", RASSURE_ALERTS_FROM: "a@example.com" }, "RASSURE_SMTP_PORT", "port number"],
    [{ RASSURE_SMTP_HOST: "smtp.example.com", RASSURE_SMTP_SECURE: "yes", RASSURE_ALERTS_FROM: "a@example.com" }, "RASSURE_SMTP_SECURE", "must be true"],
    [{ RASSURE_SMTP_HOST: "smtp.example.com", RASSURE_SMTP_USER: "u", RASSURE_ALERTS_FROM: "a@example.com" }, "RASSURE_SMTP_PASS", "both"],
    [{ RASSURE_SMTP_HOST: "smtp.example.com" }, "RASSURE_ALERTS_FROM", "is not set"],
    [{ RASSURE_SMTP_HOST: "smtp.example.com", RASSURE_ALERTS_FROM: "Rassure alerts" }, "RASSURE_ALERTS_FROM", "not an e-mail address"],
  ])("stops at start with one line naming the variable: %j", (source, variable, words) => {
    const error = failure(source as Record<string, string>);
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(new RegExp(`^${variable}: `));
    expect(error.message).toContain(words);
    expect(error.message).not.toMatch(/\n/);
  });

  it("never echoes a password from a malformed URL", () => {
    expect(failure({ RASSURE_SMTP_URL: "ftp://user:hunter2@smtp.example.com", RASSURE_ALERTS_FROM: "a@example.com" }).message).not.toContain("hunter2");
  });
});
