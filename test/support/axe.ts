/**
 * axe-core (WCAG 2.1 A/AA and best practices) run in a page or frame of Debian's Chromium: the
 * violations as "rule: targets" lines, so a failing test names what to fix.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Frame, Page } from "playwright-core";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Checks the whole document, or only the element `selector` names (one part of a page). */
export async function axeViolations(target: Page | Frame, selector?: string): Promise<string[]> {
  await target.addScriptTag({ content: AXE_SOURCE });
  return target.evaluate(async (include) => {
    type Result = { violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> };
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<Result> } }).axe;
    const result = await axe.run(include ? { include: [include] } : document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }, selector ?? null);
}
