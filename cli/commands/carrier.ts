/**
 * `rassure carrier detect NUMBER [--country CC] [--json]`: which carrier issued a tracking
 * number, ranked, with the link each would give. Useful to check a label before shipping and
 * to report a carrier the registry gets wrong.
 */
import { carrierUrl } from "../../app/tracking/links";
import { detectCarriers } from "../../app/tracking/detect";
import { REGISTRY_VERSION } from "../../app/tracking/registry";
import { CliUsageError, type CliCommand } from "../command";

const USAGE = "Usage: rassure carrier detect NUMBER [--country CC] [--json]";

const PROBLEMS = {
  empty: "the tracking number is empty",
  "too-long": "the tracking number is too long (40 characters at most)",
  "invalid-characters": "a tracking number has only letters and digits (spaces and dashes are ignored)",
} as const;

function parse(args: string[]) {
  const [sub, ...rest] = args;
  if (sub !== "detect") throw new CliUsageError(USAGE);
  let country: string | null = null;
  let json = false;
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === "--json") json = true;
    else if (arg === "--country") {
      country = rest[++i] ?? "";
      if (!/^[A-Za-z]{2}$/.test(country)) throw new CliUsageError(`--country takes an ISO 3166 two-letter code, e.g. FR. ${USAGE}`);
    } else if (arg.startsWith("--")) throw new CliUsageError(`unknown option ${arg}. ${USAGE}`);
    else positional.push(arg);
  }
  if (positional.length !== 1) throw new CliUsageError(USAGE);
  return { number: positional[0], country: country?.toUpperCase() ?? null, json };
}

const command: CliCommand = {
  async run(args, io) {
    if (args.includes("--help") || args.includes("-h")) {
      io.out(`${USAGE}\n`);
      return 0;
    }
    const { number, country, json } = parse(args);
    const detection = detectCarriers(number, { country });
    if (!detection.ok) {
      io.err(`rassure carrier: ${PROBLEMS[detection.problem]}.\n`);
      return 1;
    }
    const candidates = detection.candidates.map((c) => ({
      id: c.carrier.id,
      name: c.carrier.name,
      url: carrierUrl(c.carrier, detection.number, { country }),
      confidence: c.confidence,
      reason: c.reason,
    }));
    if (json) {
      io.out(`${JSON.stringify({ number: detection.number, country, ambiguous: detection.ambiguous, registryVersion: REGISTRY_VERSION, candidates }, null, 2)}\n`);
      return 0;
    }
    if (candidates.length === 0) {
      io.out(`${detection.number}: no carrier in the registry (${REGISTRY_VERSION}) recognises this number.\n`);
      return 0;
    }
    const lines = candidates.map((c) => `  ${c.confidence.toFixed(2)}  ${c.name}  ${c.url}\n        ${c.reason}`);
    const note = detection.ambiguous ? " (ambiguous: the top candidates are too close to choose)" : "";
    io.out(`${detection.number}${country ? ` to ${country}` : ""}${note}\n${lines.join("\n")}\n`);
    return 0;
  },
};

export default command;
