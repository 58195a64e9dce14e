/**
 * A throwaway PostgreSQL server for the test run: Debian's binaries, a fresh cluster in a
 * temporary folder, loopback only, trust auth, no fsync (speed; the data is disposable).
 * RASSURE_TEST_POSTGRES_URL points the suites at an existing server instead.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./browser";

export interface PostgresServer {
  /** postgresql://… of the maintenance database; swap the path for another database. */
  url: string;
  stop(): Promise<void>;
  /** Stops the server (fast shutdown: connections are cut), stays down `downMs`, starts it again on the same data and port. */
  restart(options?: { downMs?: number }): Promise<void>;
}

function postgresBinDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => path.join(root, v, "bin")).find((dir) => existsSync(path.join(dir, "initdb")));
  if (!found) throw new Error("PostgreSQL is not installed: run scripts/system-deps.sh (apt-get install postgresql).");
  return found;
}

/** PostgreSQL refuses to run as root: run its programs as the `postgres` user then. */
function asServerUser(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
}

export async function startPostgresServer(): Promise<PostgresServer> {
  const external = process.env.RASSURE_TEST_POSTGRES_URL;
  if (external) {
    return { url: external, stop: async () => {}, restart: async () => { throw new Error("Cannot restart an external PostgreSQL (RASSURE_TEST_POSTGRES_URL)."); } };
  }

  const bin = postgresBinDir();
  const dataDir = mkdtempSync(path.join(tmpdir(), "rassure-pg-"));
  chmodSync(dataDir, 0o777);
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres:postgres", dataDir]);
  execFileSync(...asServerUser(path.join(bin, "initdb"), ["-D", dataDir, "-U", "rassure", "-A", "trust", "-E", "UTF8", "--no-instructions"]), { stdio: "pipe" });

  const port = await freePort();
  const url = `postgresql://rassure@127.0.0.1:${port}/postgres`;

  async function launch(): Promise<ChildProcess> {
    const [command, args] = asServerUser(path.join(bin, "postgres"), [
      "-D", dataDir, "-p", String(port), "-k", dataDir,
      "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200",
    ]);
    const child: ChildProcess = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let log = "";
    child.stderr!.on("data", (chunk) => (log += chunk));
    const deadline = Date.now() + 30_000;
    for (;;) {
      const client = new pg.Client({ connectionString: url });
      try {
        await client.connect();
        await client.end();
        return child;
      } catch (error) {
        await client.end().catch(() => undefined);
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`PostgreSQL did not start: ${String(error)}\n${log}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  function shutDown() {
    // pg_ctl as the server's user: signals sent to `runuser` would not reach postgres.
    const [stopCommand, stopArgs] = asServerUser(path.join(bin, "pg_ctl"), ["stop", "-D", dataDir, "-m", "fast", "-w", "-t", "30"]);
    try {
      execFileSync(stopCommand, stopArgs, { stdio: "pipe" });
    } catch {
      server.kill("SIGKILL");
    }
  }

  let server = await launch();
  return {
    url,
    async stop() {
      shutDown();
      rmSync(dataDir, { recursive: true, force: true });
    },
    async restart({ downMs = 0 } = {}) {
      shutDown();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      server = await launch();
    },
  };
}

/** The same server, another database. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs one statement on its own connection; returns its rows. */
export async function runSql(url: string, sql: string): Promise<Array<Record<string, unknown>>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}
