/**
 * Small validators for WooCommerce responses. They check the fields the app reads and keep
 * nothing else, so the extra fields a newer WooCommerce sends are accepted and ignored,
 * while a response missing what we need fails with the path of the problem.
 */
import { WooCommerceApiError } from "./rest-client";

export type Parser<T> = (value: unknown, path: string) => T;

function fail(path: string, expected: string): never {
  throw new WooCommerceApiError(`Unexpected WooCommerce response: ${path} should be ${expected}.`, null, "rassure_bad_shape", false);
}

export const str: Parser<string> = (value, path) => (typeof value === "string" ? value : fail(path, "a string"));
export const bool: Parser<boolean> = (value, path) => (typeof value === "boolean" ? value : fail(path, "a boolean"));
/** WooCommerce sends ids as numbers and sometimes as numeric strings ("page_id": "5"). */
export const id: Parser<number> = (value, path) => {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isInteger(number) ? number : fail(path, "an integer id");
};
export const unknownValue: Parser<unknown> = (value) => value;

export function optional<T>(parser: Parser<T>): Parser<T | null> {
  return (value, path) => (value === undefined || value === null ? null : parser(value, path));
}

/** A string, or "" when absent/null/not a string (labels WooCommerce may omit). */
export const text: Parser<string> = (value) => (typeof value === "string" ? value : "");

export function array<T>(item: Parser<T>): Parser<T[]> {
  return (value, path) => (Array.isArray(value) ? value.map((entry, index) => item(entry, `${path}[${index}]`)) : fail(path, "a list"));
}

export function object<T extends Record<string, unknown>>(shape: { [K in keyof T]: Parser<T[K]> }): Parser<T> {
  return (value, path) => {
    if (!value || typeof value !== "object" || Array.isArray(value)) fail(path, "an object");
    const source = value as Record<string, unknown>;
    const result = {} as T;
    for (const key of Object.keys(shape) as (keyof T)[]) result[key] = shape[key](source[key as string], `${path}.${String(key)}`);
    return result;
  };
}

export function parse<T>(parser: Parser<T>, value: unknown, what: string): T {
  return parser(value, what);
}
