/** Runs `dev/demo.ts` as a child process (as a user would) and waits for its admin URL. */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { freePort } from "./browser";

export interface DemoProcess {
  adminUrl: string;
  appPort: number;
  output(): string;
  stop(): Promise<void>;
}

export async function startDemoProcess(): Promise<DemoProcess> {
  const [appPort, storePort] = [await freePort(), await freePort()];
  const child: ChildProcess = spawn(path.resolve("node_modules/.bin/tsx"), ["dev/demo.ts", "--no-build"], {
    env: { ...process.env, NODE_ENV: "development", PORT: String(appPort), DEV_STORE_PORT: String(storePort), DEMO_DATABASE_URL: `file:${path.join(process.env.RASSURE_TEST_RUN_DIR ?? path.resolve("test-results/db"), `demo-${process.pid}.sqlite`)}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
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
  });
  return {
    adminUrl,
    appPort,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
