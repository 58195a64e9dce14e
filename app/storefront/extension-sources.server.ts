/** Reads the theme app extension's files from disk for the preview renderer (admin, tests, bench). */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ExtensionSources } from "./liquid-preview";

export const EXTENSION_DIR = path.resolve("extensions/rassure-theme");

function liquidFiles(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(path.join(EXTENSION_DIR, dir))
      .filter((name) => name.endsWith(".liquid"))
      .map((name) => [name.slice(0, -".liquid".length), readFileSync(path.join(EXTENSION_DIR, dir, name), "utf8")]),
  );
}

const readJson = (name: string) => JSON.parse(readFileSync(path.join(EXTENSION_DIR, "locales", name), "utf8")) as unknown;

let locales: ExtensionSources["locales"] | null = null;

/** The storefront strings (extension locale files), read once: they change only with a deploy. */
export function storefrontLocales(): ExtensionSources["locales"] {
  locales ??= { en: readJson("en.default.json"), fr: readJson("fr.json") };
  return locales;
}

export function readExtensionSources(): ExtensionSources {
  return {
    blocks: liquidFiles("blocks"),
    snippets: liquidFiles("snippets"),
    locales: { en: readJson("en.default.json"), fr: readJson("fr.json") },
  };
}

/** The shared storefront stylesheet (also inlined where the extension's assets do not load). */
export function readBlockStylesheet(): string {
  return readFileSync(path.join(EXTENSION_DIR, "assets/rassure.css"), "utf8");
}
