/** Log lines a test file captures: the logger writes to this list from `level` up, and goes back to stdout after each test. */
import { afterEach } from "vitest";
import { setLogSink, type LogLevel } from "../../app/logger.server";

export function logCapture() {
  const lines: string[] = [];
  afterEach(() => {
    setLogSink(null);
    lines.length = 0;
    delete process.env.RASSURE_LOG_LEVEL;
  });
  return {
    lines,
    start(level: LogLevel = "debug") {
      process.env.RASSURE_LOG_LEVEL = level;
      setLogSink((line) => lines.push(line));
    },
  };
}
