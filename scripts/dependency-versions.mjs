// Writes DEPENDENCIES.md: every direct dependency with the range package.json asks for and the
// version package-lock.json installs, so a review can check them against advisories where
// `npm audit` cannot reach its service. Usage: node scripts/dependency-versions.mjs [--check]
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const targetPath = `${root}DEPENDENCIES.md`;

export function dependencyVersionsMarkdown(pkg, lock) {
  const installed = (name) => lock.packages?.[`node_modules/${name}`]?.version ?? "not installed";
  const rows = (deps) =>
    Object.keys(deps ?? {})
      .sort()
      .map((name) => `| \`${name}\` | ${deps[name]} | ${installed(name)} |`)
      .join("\n");
  const total = Object.keys(lock.packages ?? {}).filter((key) => key.startsWith("node_modules/")).length;
  return `# Dependency versions

GENERATED from package.json and package-lock.json by \`node scripts/dependency-versions.mjs\` (a test fails
when this file is stale). \`npm audit\` cannot reach an advisory service on the build machine: check these
versions against advisories during review, and run \`npm outdated\` to see what is behind.

Node.js: ${pkg.engines?.node ?? "any"} (engines); ${total} packages in the lockfile, all platforms' optional ones included.

## Runtime (\`npm ci --omit=dev\` installs these)

| package | asked for | locked |
|---|---|---|
${rows(pkg.dependencies)}

## Development and tests

| package | asked for | locked |
|---|---|---|
${rows(pkg.devDependencies)}
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const read = (file) => JSON.parse(readFileSync(`${root}${file}`, "utf8"));
  const expected = dependencyVersionsMarkdown(read("package.json"), read("package-lock.json"));
  if (process.argv.includes("--check")) {
    if (readFileSync(targetPath, "utf8") !== expected) {
      console.error("DEPENDENCIES.md is stale: run `node scripts/dependency-versions.mjs`.");
      process.exit(1);
    }
  } else {
    writeFileSync(targetPath, expected);
  }
}
