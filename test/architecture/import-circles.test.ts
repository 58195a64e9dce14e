/**
 * Imports run one way: no set of modules imports itself back, directly or through others
 * (static, type-only and lazy `import()` alike: a lazy import hides a circle, it does not
 * break it). A circle means a feature reaches back into what composes it.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SOURCE_DIRS = ["app", "adapters", "server", "cli", "dev", "scripts", "prisma"];
const EXTENSIONS = [".ts", ".tsx", ".mjs", ".js"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "public" ? [] : sourceFiles(full);
    return EXTENSIONS.includes(path.extname(entry.name)) ? [full] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("~/") ? path.join("app", specifier.slice(2)) : specifier.startsWith(".") ? path.join(path.dirname(from), specifier) : null;
  if (base === null) return null; // a package
  for (const candidate of [base, ...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => path.join(base, `index${ext}`))]) {
    try {
      if (statSync(candidate).isFile()) return path.normalize(candidate);
    } catch {
      // not this one
    }
  }
  return null;
}

function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    graph.set(file, [...new Set(importedFiles.map((i) => resolveImport(file, i.fileName)).filter((f): f is string => f !== null))]);
  }
  return graph;
}

/** Tarjan's strongly connected components of more than one file (or a file importing itself). */
function importCircles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  let next = 0;
  const visit = (file: string) => {
    index.set(file, next);
    low.set(file, next++);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)?.includes(file)) circles.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return circles;
}

describe("import circles", () => {
  it("finds a circle when there is one (the check can fail)", () => {
    const graph = new Map([["a.ts", ["b.ts"]], ["b.ts", ["c.ts"]], ["c.ts", ["a.ts"]], ["d.ts", ["a.ts"]]]);
    expect(importCircles(graph)).toEqual([["a.ts", "b.ts", "c.ts"]]);
  });

  it("none in the app, the adapters, the server, the CLI, dev tools and scripts", () => {
    const graph = importGraph(SOURCE_DIRS.flatMap(sourceFiles));
    expect(graph.size).toBeGreaterThan(200);
    expect(graph.get(path.normalize("app/shopify.server.ts"))).toContain(path.normalize("app/background-work.server.ts"));
    expect(importCircles(graph)).toEqual([]);
  });
});
