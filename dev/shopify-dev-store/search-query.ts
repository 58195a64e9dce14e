/**
 * A small subset of Shopify's search syntax, for `query:` arguments:
 * whitespace-separated terms (implicit AND; "AND" is accepted), `field:value`,
 * comparisons `field:>value`, `field:>=value`, `field:<value`, `field:<=value`,
 * negation with `-field:value` or `NOT field:value`, quoted values, and bare
 * words (free text). `OR` is not supported: it is reported as a warning.
 */

export type Comparator = "=" | ">" | ">=" | "<" | "<=";

export interface SearchTerm {
  field: string | null;
  comparator: Comparator;
  value: string;
  negated: boolean;
}

export interface SearchWarning {
  field: string;
  message: string;
}

function tokenize(query: string): string[] {
  const tokens: string[] = [];
  let current = "";
  let quote: string | null = null;
  for (const char of query) {
    if (quote) {
      if (char === quote) quote = null;
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (/\s/.test(char)) {
      if (current) tokens.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  if (current) tokens.push(current);
  return tokens;
}

export function parseSearchQuery(query: string | null | undefined): { terms: SearchTerm[]; warnings: SearchWarning[] } {
  const terms: SearchTerm[] = [];
  const warnings: SearchWarning[] = [];
  if (!query) return { terms, warnings };
  let negateNext = false;
  for (const token of tokenize(query)) {
    if (token === "AND") continue;
    if (token === "OR") {
      warnings.push({ field: "OR", message: "The Rassure dev store does not support OR in search queries; terms are ANDed." });
      continue;
    }
    if (token === "NOT") {
      negateNext = true;
      continue;
    }
    let text = token;
    let negated = negateNext;
    negateNext = false;
    if (text.startsWith("-") && text.length > 1) {
      negated = !negated;
      text = text.slice(1);
    }
    const colon = text.indexOf(":");
    if (colon <= 0) {
      terms.push({ field: null, comparator: "=", value: text, negated });
      continue;
    }
    const field = text.slice(0, colon).toLowerCase();
    let rest = text.slice(colon + 1);
    let comparator: Comparator = "=";
    const op = /^(>=|<=|>|<)/.exec(rest);
    if (op) {
      comparator = op[1] as Comparator;
      rest = rest.slice(op[1].length);
    }
    terms.push({ field, comparator, value: rest, negated });
  }
  return { terms, warnings };
}

export function compareValues(left: number | string, comparator: Comparator, right: number | string): boolean {
  switch (comparator) {
    case "=":
      return left === right;
    case ">":
      return left > right;
    case ">=":
      return left >= right;
    case "<":
      return left < right;
    case "<=":
      return left <= right;
  }
}

/** Parses a date value of a search term ("2024-05-01", ISO date-time, or "now"). */
export function parseSearchDate(value: string): number | null {
  if (value.toLowerCase() === "now") return Date.now();
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : parsed;
}
