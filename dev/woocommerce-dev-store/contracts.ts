/** Reads the WooCommerce contract examples the dev store is shaped by (test/contracts/woocommerce). */
import { readFileSync } from "node:fs";
import type { Json } from "./types";

const ROOT = new URL("../../test/contracts/woocommerce/", import.meta.url);

/** A fresh deep copy of a contract file, so the store can mutate it. */
export function contract<T = Json>(file: string): T {
  return JSON.parse(readFileSync(new URL(file, ROOT), "utf8")) as T;
}
