/**
 * Tracking-URL templates ("https://carrier.example/track?id={number}"), for the registry and
 * for merchants' custom carriers alike. A template is data a merchant may type, so it is
 * checked like hostile input: https only, a fixed host that no placeholder can reach, known
 * placeholders only; every value inserted is URL-encoded.
 */
export const TEMPLATE_PLACEHOLDERS = ["number", "postcode", "country", "locale"] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];
export type TemplateValues = Partial<Record<TemplatePlaceholder, string>>;

export const MAX_TEMPLATE_LENGTH = 500;

export type TemplateProblem =
  | "too-long"
  | "not-https"
  | "no-number"
  | "unknown-placeholder"
  | "placeholder-in-host"
  | "forbidden-characters"
  | "invalid-url";

const FIXED_ORIGIN = /^https:\/\/([a-z0-9-]+\.)+[a-z]{2,}(:[0-9]{2,5})?\//i;

/** Why a template is refused, or null when it is acceptable. */
export function templateProblem(template: string): TemplateProblem | null {
  if (template.length > MAX_TEMPLATE_LENGTH) return "too-long";
  if (!/^https:\/\//i.test(template)) return "not-https";
  // Quotes, angle brackets, backslashes, whitespace and control characters have no place in a
  // link and are the raw material of markup and header injection.
  if (/[\s"'<>\\`]/.test(template) || [...template].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return "forbidden-characters";
  const placeholders = [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]);
  if (placeholders.some((name) => !(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name))) return "unknown-placeholder";
  if (/[{}]/.test(template.replace(/\{[a-z]+\}/g, ""))) return "unknown-placeholder";
  if (!placeholders.includes("number")) return "no-number";
  // The scheme, host and port must be written out before any placeholder: "https://{number}.evil.example/"
  // or "https://carrier.example@{number}/" would let a tracking number choose where the link goes.
  const origin = FIXED_ORIGIN.exec(template);
  if (!origin || origin[0].includes("{") || origin[0].includes("@")) return "placeholder-in-host";
  try {
    const probe = new URL(fillTemplate(template, { number: "X", postcode: "X", country: "X", locale: "en" }));
    if (probe.protocol !== "https:" || probe.username || probe.password) return "invalid-url";
  } catch {
    return "invalid-url";
  }
  return null;
}

/** Inserts the values, each URL-encoded; a placeholder without a value becomes empty. */
export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(/\{(number|postcode|country|locale)\}/g, (_m, name: TemplatePlaceholder) => encodeURIComponent(values[name] ?? ""));
}
