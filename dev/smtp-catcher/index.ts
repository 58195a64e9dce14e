/**
 * A local mail catcher for the demo and the tests: a real SMTP server on loopback
 * (`smtp-server`, the receiving half of nodemailer's project) that keeps every message it is
 * given, decoded with `mailparser`, and a small web page listing them. Nothing is relayed
 * anywhere. Development only: never imported by app/.
 *
 * Tests also use it to play a mail server that goes down and comes back (`stopSmtp` /
 * `startSmtp` keep the port), and one that asks for a password (`auth`).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";
import { escapeHtml } from "../../app/storefront/html-escape";

export interface CaughtMessage {
  id: number;
  receivedAt: string;
  /** SMTP envelope: who the server was asked to deliver to. */
  envelope: { from: string | null; to: string[] };
  /** Message headers, decoded. */
  from: string;
  to: string;
  subject: string;
  language: string | null;
  text: string;
  html: string | null;
  /** The user the client authenticated as, if any. */
  user: string | null;
}

export interface SmtpCatcherOptions {
  host?: string;
  /** 0 = any free port. */
  smtpPort?: number;
  /** The page listing caught messages; 0 = any free port, null = no page. */
  webPort?: number | null;
  /** Require this login (AUTH PLAIN/LOGIN; the catcher offers no TLS, so only on loopback). */
  auth?: { user: string; pass: string };
}

export interface SmtpCatcher {
  smtpPort: number;
  /** What RASSURE_SMTP_URL should say to send here. */
  smtpUrl: string;
  /** The page listing the messages, or null. */
  webUrl: string | null;
  messages: CaughtMessage[];
  /** Resolves with the messages once `count` have arrived in all (rejects after `timeoutMs`). */
  waitForMessages(count: number, timeoutMs?: number): Promise<CaughtMessage[]>;
  /** The mail server goes down (connections refused) … */
  stopSmtp(): Promise<void>;
  /** … and comes back on the same port. */
  startSmtp(): Promise<void>;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

function addressText(value: AddressObject | AddressObject[] | undefined): string {
  if (!value) return "";
  return (Array.isArray(value) ? value : [value]).map((a) => a.text).join(", ");
}


function listPage(messages: CaughtMessage[]): string {
  const rows = messages
    .slice()
    .reverse()
    .map((m) => `<tr><td>${escapeHtml(m.receivedAt)}</td><td>${escapeHtml(m.to)}</td><td><a href="/messages/${m.id}">${escapeHtml(m.subject || "(no subject)")}</a></td><td>${escapeHtml(m.language ?? "")}</td></tr>`)
    .join("\n");
  return page(
    "Caught e-mails",
    `<p>Every e-mail the app sent to this local SMTP server. Nothing leaves this machine.</p>
${messages.length ? `<table><thead><tr><th scope="col">Received</th><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Language</th></tr></thead><tbody>${rows}</tbody></table>` : "<p>No e-mail yet.</p>"}`,
  );
}

function messagePage(m: CaughtMessage): string {
  return page(
    m.subject || "(no subject)",
    `<p><a href="/">All e-mails</a></p>
<dl><dt>From</dt><dd>${escapeHtml(m.from)}</dd><dt>To</dt><dd>${escapeHtml(m.to)}</dd><dt>Received</dt><dd>${escapeHtml(m.receivedAt)}</dd><dt>Language</dt><dd>${escapeHtml(m.language ?? "")}</dd></dl>
${m.html ? `<h2>HTML part</h2><iframe title="HTML part" sandbox srcdoc="${escapeHtml(m.html)}"></iframe>` : ""}
<h2>Text part</h2><pre>${escapeHtml(m.text)}</pre>`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:24px;color:#1a1a1a}table{border-collapse:collapse}td,th{border-bottom:1px solid #ccc;padding:6px 10px;text-align:left}iframe{width:100%;max-width:720px;height:520px;border:1px solid #ccc}pre{white-space:pre-wrap;max-width:720px}dt{font-weight:600}</style>
</head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

export async function startSmtpCatcher(options: SmtpCatcherOptions = {}): Promise<SmtpCatcher> {
  const host = options.host ?? "127.0.0.1";
  const messages: CaughtMessage[] = [];
  const waiters = new Set<() => void>();

  const createServer = () =>
    new SMTPServer({
      banner: "Rassure development mail catcher",
      // Plain SMTP on loopback: no TLS to offer, so clients never try STARTTLS with a certificate they cannot verify.
      disabledCommands: options.auth ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
      authOptional: !options.auth,
      allowInsecureAuth: true,
      size: MAX_MESSAGE_BYTES,
      logger: false,
      onAuth(auth, _session, callback) {
        if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) return callback(null, { user: auth.username });
        callback(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            const language = parsed.headers.get("content-language");
            messages.push({
              id: messages.length + 1,
              receivedAt: new Date().toISOString(),
              envelope: { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null, to: session.envelope.rcptTo.map((r) => r.address) },
              from: addressText(parsed.from),
              to: addressText(parsed.to),
              subject: parsed.subject ?? "",
              language: typeof language === "string" ? language : null,
              text: parsed.text ?? "",
              html: parsed.html || null,
              user: typeof session.user === "string" ? session.user : null,
            });
            waiters.forEach((wake) => wake());
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });

  let smtp = createServer();
  const listenSmtp = (port: number) =>
    new Promise<number>((resolve, reject) => {
      smtp.once("error", reject);
      smtp.listen(port, host, () => {
        smtp.off("error", reject);
        resolve((smtp.server.address() as AddressInfo).port);
      });
    });
  const smtpPort = await listenSmtp(options.smtpPort ?? 0);

  let web: http.Server | null = null;
  let webUrl: string | null = null;
  if (options.webPort !== null) {
    web = http.createServer((request, response) => {
      const path = new URL(request.url ?? "/", "http://catcher").pathname;
      const detail = /^\/messages\/(\d+)$/.exec(path);
      const found = detail ? messages.find((m) => m.id === Number(detail[1])) : undefined;
      if (path === "/messages.json") return response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(messages));
      if (path === "/") return response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(listPage(messages));
      if (found) return response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(messagePage(found));
      response.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
    });
    await new Promise<void>((resolve, reject) => {
      web!.once("error", reject);
      web!.listen(options.webPort ?? 0, host, () => resolve());
    });
    webUrl = `http://${host}:${(web.address() as AddressInfo).port}/`;
  }

  const closeSmtp = () => new Promise<void>((resolve) => smtp.close(() => resolve()));
  return {
    smtpPort,
    smtpUrl: `smtp://${host}:${smtpPort}`,
    webUrl,
    messages,
    waitForMessages(count, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(messages.slice());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} e-mails, caught ${messages.length}: ${messages.map((m) => m.subject).join(" | ")}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    stopSmtp: closeSmtp,
    async startSmtp() {
      smtp = createServer();
      await listenSmtp(smtpPort);
    },
    async close() {
      await closeSmtp();
      if (web) {
        web.closeAllConnections();
        await new Promise<void>((resolve) => web!.close(() => resolve()));
      }
    },
  };
}
