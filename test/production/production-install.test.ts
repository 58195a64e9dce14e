/**
 * A production install, as the Dockerfile makes one (docker itself is not available here): the
 * project copied without what .dockerignore leaves out, `npm ci --omit=dev` from the local npm
 * cache, the build of this checkout (the Dockerfile's build stage: `npm ci && npm run build`,
 * which `npm test` runs before the suites), then `npm start` with NODE_ENV=production. The
 * Shopify dev store stands in for Shopify: the server is started with a preload that points
 * https://<shop>.myshopify.com at it (test/support/shopify-stand-in.mjs); the app's code is
 * the production build, unchanged. Every admin page answers through the dev store's admin
 * (session token, token exchange), /healthz answers 200, and a missing favicon is no error.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_APP } from "../../dev/demo-app";
import { readAppWebhookSubscriptions, startShopifyDevStore, type ShopifyDevStore } from "../../dev/shopify-dev-store";
import { freePort } from "../support/browser";
import { TEST_APP } from "../support/test-app";

type Env = Partial<NodeJS.ProcessEnv>;

const root = process.cwd();
/** Node 22 (this test's own) first on PATH: `npm` and `node` are what the image's would be. */
const PATH = `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`;
const BROWSER = { "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36" };
/** The embedded admin's pages and the route each one is (Remix route ids in the page). */
const ADMIN_PAGES: Array<[string, string]> = [
  ["/app", "routes/app._index"],
  ["/app/checklist", "routes/app.checklist"],
  ["/app/blocks", "routes/app.blocks"],
  ["/app/tracking", "routes/app.tracking"],
  ["/app/settings", "routes/app.settings"],
];

// ---------------------------------------------------------------------------
// What the Dockerfile and .dockerignore say
// ---------------------------------------------------------------------------

interface DockerStage {
  from: string;
  instructions: Array<{ op: string; args: string }>;
}

function dockerStages(): DockerStage[] {
  const stages: DockerStage[] = [];
  for (const raw of readFileSync(path.join(root, "Dockerfile"), "utf8").split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const [, op, args] = /^(\S+)\s+(.*)$/.exec(line) ?? [];
    if (op.toUpperCase() === "FROM") stages.push({ from: args, instructions: [] });
    else stages.at(-1)!.instructions.push({ op: op.toUpperCase(), args });
  }
  return stages;
}

function dockerignore(): string[] {
  return readFileSync(path.join(root, ".dockerignore"), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
}

/** .dockerignore's entries here are top-level paths ("dev", "prisma/generated") or "*.extension" at any depth. */
function ignored(relative: string, patterns: string[]): boolean {
  return patterns.some((pattern) =>
    pattern.startsWith("*.") ? relative.endsWith(pattern.slice(1)) : relative === pattern || relative.startsWith(`${pattern}/`),
  );
}

/** `COPY . .` into a fresh folder. */
function copyContext(destination: string) {
  const patterns = dockerignore();
  cpSync(root, destination, {
    recursive: true,
    filter: (source) => {
      const relative = path.relative(root, source).split(path.sep).join("/");
      return relative === "" || !ignored(relative, patterns);
    },
  });
}

/** Every package the built server imports (static and lazy imports of build/server). */
function packagesImportedByBuild(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".js")) files.push(full);
    }
  };
  walk(path.join(root, "build/server"));
  const specifiers = new Set<string>();
  for (const file of files) {
    for (const match of readFileSync(file, "utf8").matchAll(/(?:^import\s[^'"]*?from\s*|^export\s[^'"]*?from\s*|^import\s*|\bimport\()\s*["']([^"'./][^"']*)["']/gm)) {
      if (!match[1].startsWith("node:")) specifiers.add(match[1]);
    }
  }
  return [...specifiers].sort();
}

/** Runs a command to its end in its own process group; past `timeoutMs` the whole group is killed (no stray server). */
function run(command: string, args: string[], cwd: string, env: Env = {}, timeoutMs = 600_000): Promise<{ status: number | null; output: string }> {
  // A clean environment, as in the image (ENV NODE_ENV=production): nothing of the test process (its database, its secrets) leaks in.
  const clean: NodeJS.ProcessEnv = { NODE_ENV: "production", PATH, HOME: process.env.HOME, ...env };
  const child = spawn(command, args, { cwd, env: clean, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), timeoutMs);
  return new Promise((resolve) =>
    child.once("exit", (status) => {
      clearTimeout(timer);
      resolve({ status, output });
    }),
  );
}

// ---------------------------------------------------------------------------
// The install and the server
// ---------------------------------------------------------------------------

const app = {
  apiKey: "rassure-production-test",
  apiSecret: randomBytes(24).toString("hex"),
  encryptionKey: randomBytes(32).toString("hex"),
};
let installDir = "";
let install = { status: null as number | null, output: "" };
let server: ChildProcess | undefined;
let serverOutput = "";
let appUrl = "";
let store: ShopifyDevStore | undefined;
const runtime = dockerStages().at(-1)!;

function serverEnv(port: number, overrides: Env = {}): NodeJS.ProcessEnv {
  return {
    PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    PORT: String(port),
    HOST_BIND: "127.0.0.1",
    SHOPIFY_API_KEY: app.apiKey,
    SHOPIFY_API_SECRET: app.apiSecret,
    SHOPIFY_APP_URL: `http://127.0.0.1:${port}`,
    SCOPES: TEST_APP.scopes.join(","),
    RASSURE_ENCRYPTION_KEY: app.encryptionKey,
    RASSURE_LOG_LEVEL: "info",
    ...overrides,
  };
}

beforeAll(async () => {
  if (!existsSync(path.join(root, "build/server/index.js"))) throw new Error("No build to install: run `npm run build` first (`npm test` does).");
  installDir = mkdtempSync(path.join(tmpdir(), "rassure-production-"));
  copyContext(installDir);
  // The runtime stage's install, from the local npm cache (no advisory service or registry needed here).
  const npmCi = runtime.instructions.find((i) => i.op === "RUN" && i.args.startsWith("npm ci "))!.args.split("&&")[0].trim().split(/\s+/);
  install = await run(npmCi[0], [...npmCi.slice(1), "--prefer-offline"], installDir);
  // COPY --from=build /app/build ./build
  cpSync(path.join(root, "build"), path.join(installDir, "build"), { recursive: true });

  const port = await freePort();
  appUrl = `http://127.0.0.1:${port}`;
  store = await startShopifyDevStore({
    app: { apiKey: app.apiKey, apiSecret: app.apiSecret, appUrl, scopes: TEST_APP.scopes, handle: "rassure" },
    webhookSubscriptions: readAppWebhookSubscriptions(path.join(root, "shopify.app.toml")),
  });
  const cmd = JSON.parse(runtime.instructions.find((i) => i.op === "CMD")!.args) as string[];
  server = spawn(cmd[0], cmd.slice(1), {
    cwd: installDir,
    env: serverEnv(port, {
      NODE_OPTIONS: `--import ${path.join(root, "test/support/shopify-stand-in.mjs")}`,
      RASSURE_TEST_SHOPIFY_STAND_IN: `${store.shopDomain}=${store.url}`,
    }),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  server.stdout!.on("data", (chunk) => (serverOutput += chunk));
  server.stderr!.on("data", (chunk) => (serverOutput += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not listen in time:\n${serverOutput}`)), 120_000);
    const check = () => {
      if (!serverOutput.includes("Rassure listening on port")) return;
      clearTimeout(timer);
      resolve();
    };
    server!.stdout!.on("data", check);
    server!.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\nnpm ci:\n${install.output}\nnpm start:\n${serverOutput}`));
    });
  });
}, 600_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    process.kill(-server.pid!, "SIGTERM");
    await exited;
  }
  await store?.close();
  if (installDir) rmSync(installDir, { recursive: true, force: true });
});

describe("the Dockerfile", () => {
  it("builds with the dev tools in a first stage, then installs the runtime dependencies only and runs npm start on Node 22", () => {
    const [build, image] = dockerStages();
    expect(build.from).toMatch(/^node:22\S* AS build$/);
    expect(build.instructions.map((i) => `${i.op} ${i.args}`)).toEqual(expect.arrayContaining(["RUN npm ci --no-audit --no-fund", "RUN npm run build"]));
    expect(image.from).toMatch(/^node:22/);
    expect(image.instructions).toEqual(
      expect.arrayContaining([
        { op: "ENV", args: "NODE_ENV=production" },
        { op: "RUN", args: "npm ci --omit=dev --no-audit --no-fund && npm cache clean --force" },
        { op: "COPY", args: "--from=build /app/build ./build" },
        { op: "CMD", args: '["npm", "start"]' },
      ]),
    );
  });
});

describe("a production install (npm ci --omit=dev)", () => {
  it("installs without the dev tools", () => {
    expect(install.status, install.output).toBe(0);
    for (const devTool of ["vite", "vitest", "@remix-run/dev", "eslint", "tsx"]) expect(existsSync(path.join(installDir, "node_modules", devTool)), devTool).toBe(false);
  });

  it("holds every package the built server imports", async () => {
    const specifiers = packagesImportedByBuild();
    expect(specifiers).toContain("liquidjs");
    writeFileSync(path.join(installDir, "resolve-imports.mjs"), "for (const s of JSON.parse(process.argv[2])) { try { import.meta.resolve(s); } catch { console.log(s); } }\n");
    const unresolved = await run(process.execPath, ["resolve-imports.mjs", JSON.stringify(specifiers)], installDir);
    expect(unresolved.output.trim()).toBe("");
  });

  it("serves every admin page through the dev store's admin, as Shopify embeds them", async () => {
    for (const [appPath, routeId] of ADMIN_PAGES) {
      const response = await fetch(store!.embeddedAppUrl(appPath), { headers: BROWSER });
      const html = await response.text();
      expect({ appPath, status: response.status }).toEqual({ appPath, status: 200 });
      expect(html, appPath).toContain(`"${routeId}"`);
    }
  }, 120_000);

  it("answers /healthz with 200 once the migrations are applied", async () => {
    const response = await fetch(`${appUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: "ok", migrations: { pending: [] } });
  });

  it("answers a missing favicon 404 and logs it as one information line, without a stack trace", async () => {
    const before = serverOutput.length;
    expect((await fetch(`${appUrl}/favicon.ico`)).status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const printed = serverOutput.slice(before).split("\n").filter(Boolean);
    expect(printed.map((line) => (line.startsWith("{") ? JSON.parse(line) : line))).toEqual([expect.objectContaining({ level: "info", msg: "not found", path: "/favicon.ico", status: 404 })]);
    const errors = serverOutput.split("\n").filter((line) => line.startsWith("{") && JSON.parse(line).level === "error");
    expect(errors).toEqual([]);
  });

  it("refuses to start on the demo's published secrets, with one line", async () => {
    const refused = await run("npm", ["start", "--silent"], installDir, serverEnv(await freePort(), { SHOPIFY_API_SECRET: DEMO_APP.apiSecret }), 60_000);
    expect(refused.status).toBe(1);
    expect(refused.output).toMatch(/^SHOPIFY_API_SECRET: is a value published in Rassure's repository/m);
    expect(refused.output).not.toMatch(/^\s+at /m);
  });
});
