/** DEPENDENCIES.md lists the versions in use (npm audit cannot reach its service here): it must match the lockfile. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dependencyVersionsMarkdown } from "../scripts/dependency-versions.mjs";

const read = (file: string) => JSON.parse(readFileSync(file, "utf8"));

describe("DEPENDENCIES.md", () => {
  it("is what package.json and package-lock.json say today", () => {
    expect(readFileSync("DEPENDENCIES.md", "utf8")).toBe(dependencyVersionsMarkdown(read("package.json"), read("package-lock.json")));
  });

  it("names each direct dependency with its locked version, runtime apart from development", () => {
    const text: string = dependencyVersionsMarkdown(
      { dependencies: { liquidjs: "^10.30.1" }, devDependencies: { vitest: "^3.2.7" } },
      { packages: { "node_modules/liquidjs": { version: "10.30.1" }, "node_modules/vitest": { version: "3.2.7" } } },
    );
    const [runtime, development] = text.split("## Development");
    expect(runtime).toContain("| `liquidjs` | ^10.30.1 | 10.30.1 |");
    expect(development).toContain("| `vitest` | ^3.2.7 | 3.2.7 |");
  });
});
