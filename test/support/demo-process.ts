/** Runs `dev/demo.ts` as a child process (as a user would) and waits for its admin URL. */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { freePort } from "./browser";

export interface DemoProcess {
  adminUrl: string;
  appPort: number;
  /** The demo's database (a test may age what it stored). */
  databaseUrl: string;
  output(): string;
  /** Ctrl+C: the demo closes its servers and exits. */
  stop(): Promise<void>;
  /** kill -9 of the demo and everything it started: nothing gets to clean up. */
  kill(): Promise<void>;
}

export interface DemoProcessOptions {
  /** Default: a database of its own in the test run's folder. */
  databaseUrl?: string;
  /** Default: free ports. Give the same ones to restart "the same" demo. */
  ports?: { app: number; store: number; storefront: number; wooStore: number };
}

/** Ports for `startDemoProcess`, to start the same demo again on them. */
export async function demoPorts(): Promise<Required<DemoProcessOptions>["ports"]> {
  return { app: await freePort(), store: await freePort(), storefront: await freePort(), wooStore: await freePort() };
}

export async function startDemoProcess(options: DemoProcessOptions = {}): Promise<DemoProcess> {
  const ports = options.ports ?? { app: await freePort(), store: await freePort(), storefront: 0, wooStore: 0 };
  const databaseUrl = options.databaseUrl ?? `file:${path.join(process.env.RASSURE_TEST_RUN_DIR ?? path.resolve("test-results/db"), `demo-${process.pid}.sqlite`)}`;
  const child: ChildProcess = spawn(path.resolve("node_modules/.bin/tsx"), ["dev/demo.ts", "--no-build"], {
    env: {
      ...process.env,
      NODE_ENV: "development",
      PORT: String(ports.app),
      DEV_STORE_PORT: String(ports.store),
      DEV_STOREFRONT_PORT: String(ports.storefront),
      WOO_DEV_STORE_PORT: String(ports.wooStore),
      DEMO_DATABASE_URL: databaseUrl,
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: kill() reaches tsx's node child too, as kill -9 of a terminal's job would.
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const adminUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo did not start in time:\n${output}`)), 60_000);
    const check = () => {
      const match = output.match(/Rassure is running offline\.[\s\S]*?(http:\/\/127\.0\.0\.1:\d+\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`demo exited with ${code}:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
    await exited;
    throw error;
  });
  return {
    adminUrl,
    appPort: ports.app,
    databaseUrl,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGKILL");
      await exited;
    },
  };
}
