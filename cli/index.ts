/**
 * The `rassure` command. Each subcommand is a module in cli/commands exporting a
 * CliCommand; errors become one clear line on stderr and a non-zero exit code.
 */
import { CliUsageError, type CliCommand } from "./command";

const commands: Record<string, () => Promise<{ default: CliCommand }>> = {
  carrier: () => import("./commands/carrier"),
  "company-id": () => import("./commands/company-id"),
  scan: () => import("./commands/scan"),
};

function usage(): string {
  const names = Object.keys(commands);
  return [
    "Usage: rassure <command> [options]",
    "",
    "Commands:",
    ...(names.length ? names.map((name) => `  ${name}`) : ["  (none yet)"]),
    "",
    "Run `rassure <command> --help` for a command's options.",
  ].join("\n");
}

export async function main(argv: string[], out: (text: string) => void = (t) => process.stdout.write(t), err: (text: string) => void = (t) => process.stderr.write(t)): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h") {
    out(`${usage()}\n`);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    err(`rassure: unknown command "${name}".\n${usage()}\n`);
    return 2;
  }
  try {
    const command = (await load()).default;
    return await command.run(rest, { out, err });
  } catch (error) {
    if (error instanceof CliUsageError) {
      err(`rassure ${name}: ${error.message}\n`);
      return 2;
    }
    err(`rassure ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
