/**
 * `npm run demo` again and again on its own data, as a user runs it: after Ctrl+C, after a
 * kill -9, and after its dev store's saved data was lost. Each start installs the app, prints
 * the admin URL and logs no error; the store keeps the offline token the app holds.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { devStoreStateFile } from "../../dev/demo-app";
import { demoPorts, startDemoProcess, type DemoProcess } from "../support/demo-process";

const runDir = process.env.RASSURE_TEST_RUN_DIR ?? path.resolve("test-results/db");
const databaseUrl = `file:${path.join(runDir, `demo-rerun-${process.pid}.sqlite`)}`;

/** What the demo logged at error level (structured lines) or as a failure to start. */
function errorsIn(output: string): string[] {
  return output.split("\n").filter((line) => /"level":"error"|could not start|\bERR_|Unhandled|Error:/.test(line));
}

async function run(ports: Awaited<ReturnType<typeof demoPorts>>, end: (demo: DemoProcess) => Promise<void>): Promise<string> {
  // Started means: installed through the admin (the app's home answered 200), admin URL printed.
  const demo = await startDemoProcess({ databaseUrl, ports });
  // Give the background work the start began (the install scan, the WooCommerce connection) time to run.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  await end(demo);
  return demo.output();
}

describe("the demo started again on its own data", () => {
  it("starts cleanly three times in a row, after a kill -9, and after its dev store lost its saved data", async () => {
    const ports = await demoPorts();
    const outputs: string[] = [];
    for (let i = 0; i < 3; i++) outputs.push(await run(ports, (demo) => demo.stop()));
    outputs.push(await run(ports, (demo) => demo.kill()));
    outputs.push(await run(ports, (demo) => demo.stop()));
    rmSync(devStoreStateFile(databaseUrl));
    outputs.push(await run(ports, (demo) => demo.stop()));

    outputs.forEach((output, i) => expect({ run: i + 1, errors: errorsIn(output) }).toEqual({ run: i + 1, errors: [] }));
    // From the second run on, the store is the one the app was installed in.
    for (const output of outputs.slice(1, 5)) expect(output).toContain("The dev store keeps its data from the last run.");
    expect(outputs[5]).not.toContain("keeps its data");
  }, 300_000);
});
