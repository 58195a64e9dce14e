/**
 * An alert as an e-mail in the merchant's language: a subject, a plain-text part and a simple,
 * accessible HTML part (one column, real headings and lists, a `lang` attribute, text colours
 * with AA contrast, the link written out in the text part). Everything that comes from the shop
 * or the network (shop name, origin, error text) is escaped in the HTML; control characters are
 * removed from the subject. Pure.
 */
import type { Platform } from "../../adapters/types";
import { checkById } from "../checklist/registry";
import { translator, type Locale, type MessageKey } from "../i18n";
import { escapeHtml } from "../storefront/html-escape";
import type { AlertFacts } from "./kinds";

export interface AlertEmailInput {
  facts: AlertFacts;
  locale: Locale;
  platform: Platform;
  shopName: string;
  /** The item (or page) in the admin the alert is about. */
  link: string;
  /** Where the merchant changes their alert settings. */
  settingsUrl: string;
  /** The shop's time zone, for dates and times. */
  timeZone: string;
}

export interface AlertEmail {
  subject: string;
  text: string;
  html: string;
}

/** A paragraph, or a list under its heading. */
type Block = { paragraph: string } | { list: string[]; heading: string };

const MAX_SHOP_NAME = 80;
const MAX_ERROR = 300;

const oneLine = (value: string, max: number) => {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const flat = value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}

function dateText(locale: Locale, iso: string, timeZone: string, withTime: boolean): string {
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long", ...(withTime ? { timeStyle: "short" } : {}), timeZone }).format(new Date(iso));
}

function content(input: AlertEmailInput): { subject: string; blocks: Block[] } {
  const t = translator(input.locale);
  const shop = oneLine(input.shopName, MAX_SHOP_NAME);
  const facts = input.facts;
  const fix = (kind: string) => t(`alerts.email.${kind}.fix.${input.platform}` as MessageKey);
  switch (facts.kind) {
    case "certificate-expiry": {
      const host = hostOf(facts.origin);
      const expired = facts.daysLeft < 0;
      const subjectKey = expired ? "subjectExpired" : facts.daysLeft === 0 ? "subjectToday" : "subject";
      const values = { shop, host, origin: facts.origin, days: facts.daysLeft, date: dateText(input.locale, facts.validTo, input.timeZone, false) };
      return {
        subject: t(`alerts.email.certificate-expiry.${subjectKey}` as MessageKey, values),
        blocks: [{ paragraph: t(expired ? "alerts.email.certificate-expiry.bodyExpired" : "alerts.email.certificate-expiry.body", values) }, { paragraph: fix("certificate-expiry") }],
      };
    }
    case "storefront-down": {
      const values = { shop, host: hostOf(facts.origin), origin: facts.origin, probes: facts.probes, since: dateText(input.locale, facts.since, input.timeZone, true) };
      const blocks: Block[] = [{ paragraph: t("alerts.email.storefront-down.body", values) }];
      if (facts.error) blocks.push({ paragraph: t("alerts.email.storefront-down.reason", { error: oneLine(facts.error, MAX_ERROR) }) });
      blocks.push({ paragraph: fix("storefront-down") });
      return { subject: t("alerts.email.storefront-down.subject", values), blocks };
    }
    case "grade-drop": {
      const values = { shop, from: facts.fromGrade, to: facts.toGrade, fromScore: facts.fromScore ?? "?", toScore: facts.toScore ?? "?" };
      const titles = facts.regressedItems.map((id) => checkById(id)?.failureTitle[input.locale]).filter((title): title is string => Boolean(title));
      return {
        subject: t("alerts.email.grade-drop.subject", values),
        blocks: [
          { paragraph: t("alerts.email.grade-drop.body", values) },
          titles.length ? { heading: t("alerts.email.grade-drop.items"), list: titles } : { paragraph: t("alerts.email.grade-drop.noItems") },
        ],
      };
    }
    case "test":
      return { subject: t("alerts.email.test.subject", { shop }), blocks: [{ paragraph: t("alerts.email.test.body", { shop }) }] };
  }
}

export function renderAlertEmail(input: AlertEmailInput): AlertEmail {
  const t = translator(input.locale);
  const { subject, blocks } = content(input);
  const once = input.facts.kind === "test" ? [] : [t("alerts.email.once")];
  // A NUL marks the settings link (a link in the HTML): no shop text can hold one, oneLine removes control characters.
  const footer = t("alerts.email.footer", { shop: oneLine(input.shopName, MAX_SHOP_NAME), settings: "\u0000" });
  const cleanSubject = oneLine(subject, 200);

  const text = [
    t("alerts.email.greeting"),
    ...blocks.map((block) => ("paragraph" in block ? block.paragraph : [block.heading, ...block.list.map((item) => `- ${item}`)].join("\n"))),
    t("alerts.email.openText", { link: input.link }),
    ...once,
    `-- \n${footer.replace("\u0000", input.settingsUrl)}`,
  ].join("\n\n");

  const html = `<!doctype html>
<html lang="${input.locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(cleanSubject)}</title></head>
<body style="margin:0;padding:24px 16px;background:#ffffff;color:#1a1a1a;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5">
<div role="article" aria-label="${escapeHtml(cleanSubject)}" style="max-width:560px;margin:0 auto">
<h1 style="font-size:20px;line-height:1.3;margin:0 0 16px">${escapeHtml(cleanSubject)}</h1>
<p style="margin:0 0 16px">${escapeHtml(t("alerts.email.greeting"))}</p>
${blocks
  .map((block) =>
    "paragraph" in block
      ? `<p style="margin:0 0 16px">${escapeHtml(block.paragraph)}</p>`
      : `<h2 style="font-size:16px;margin:0 0 8px">${escapeHtml(block.heading)}</h2>\n<ul style="margin:0 0 16px;padding-left:24px">${block.list.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`,
  )
  .join("\n")}
<p style="margin:24px 0"><a href="${escapeHtml(input.link)}" style="display:inline-block;background:#005bd3;color:#ffffff;padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600">${escapeHtml(t("alerts.email.open"))}</a></p>
${once.map((line) => `<p style="margin:0 0 16px">${escapeHtml(line)}</p>`).join("\n")}
<hr style="border:0;border-top:1px solid #d4d4d4;margin:24px 0">
<p style="margin:0;color:#4a4a4a;font-size:14px">${escapeHtml(footer).replace("\u0000", `<a href="${escapeHtml(input.settingsUrl)}" style="color:#005bd3">${escapeHtml(input.settingsUrl)}</a>`)}</p>
</div>
</body>
</html>
`;
  return { subject: cleanSubject, text, html };
}
