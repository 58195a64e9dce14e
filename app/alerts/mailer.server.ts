/**
 * Sends one e-mail over SMTP with nodemailer, to the server the environment names
 * (RASSURE_SMTP_URL, or RASSURE_SMTP_HOST/_PORT/_USER/_PASS/_SECURE; sender RASSURE_ALERTS_FROM;
 * validated at start by app/env.server.ts). Read at each send, so the configuration is the
 * environment's as it is now. Certificates are always verified; a password is never sent over
 * a connection that did not switch to TLS, except to a server on this machine (a local relay
 * or the development mail catcher).
 */
import nodemailer from "nodemailer";
import { appEnvironment, readAlertMailEnvironment, type AlertMailEnvironment } from "../env.server";
import type { Locale } from "../i18n";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  locale: Locale;
}

/** A refusal another attempt cannot change (the server answered 5xx: bad recipient, rejected sender). */
export class PermanentMailError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PermanentMailError";
  }
}

export function alertMailEnvironment(): AlertMailEnvironment {
  appEnvironment(); // loads .env (once) and validates everything at first use
  return readAlertMailEnvironment(process.env);
}

export function mailConfigured(): boolean {
  return alertMailEnvironment().smtp !== null;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|::1)$/i;

/** Sends, or throws: PermanentMailError for a 5xx answer, any other error is worth another try. Returns the Message-ID. */
export async function sendMail(mail: OutgoingMail): Promise<string> {
  const { smtp, from } = alertMailEnvironment();
  if (!smtp || !from) throw new Error("No mail server is configured.");
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: !smtp.secure && smtp.auth !== null && !LOOPBACK.test(smtp.host),
    auth: smtp.auth ?? undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  try {
    const info = await transport.sendMail({
      from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: { "Content-Language": mail.locale, "Auto-Submitted": "auto-generated" },
    });
    return info.messageId;
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode;
    if (typeof code === "number" && code >= 500 && code < 600) throw new PermanentMailError(error instanceof Error ? error.message : String(error), { cause: error });
    throw error;
  } finally {
    transport.close();
  }
}
