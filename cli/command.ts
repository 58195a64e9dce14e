export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

export interface CliCommand {
  /** Returns the process exit code: 0 success, 1 error (message on err), 2 bad usage. */
  run(args: string[], io: CliIO): Promise<number>;
}

/** Wrong arguments: the entry point prints the message and exits 2. */
export class CliUsageError extends Error {}
