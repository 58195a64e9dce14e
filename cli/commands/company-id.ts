/**
 * `rassure company-id NUMBER [--json] [--lang en|fr]`: is a SIREN, SIRET or EU VAT number valid
 * offline, and if not, why. Spaces are allowed as people write them (`FR 81 775 670 417`), so
 * the number may come as several arguments. Exit 0 valid, 1 invalid, 2 usage.
 */
import { translator } from "../../app/i18n";
import { checkCompanyId } from "../../app/legal/company-id";
import { describeCompanyIdCheck } from "../../app/legal/company-id-text";
import { CliUsageError, type CliCommand } from "../command";

const USAGE = "Usage: rassure company-id NUMBER [--json] [--lang en|fr]   (a SIREN, a SIRET or an EU VAT number; spaces allowed)";

function parse(args: string[]) {
  let json = false;
  let lang: "en" | "fr" = "en";
  const parts: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--json") json = true;
    else if (arg === "--lang") {
      const value = args[++i];
      if (value !== "en" && value !== "fr") throw new CliUsageError(`--lang is en or fr. ${USAGE}`);
      lang = value;
    } else if (arg.startsWith("--")) throw new CliUsageError(`unknown option ${arg}. ${USAGE}`);
    else parts.push(arg);
  }
  if (parts.length === 0) throw new CliUsageError(USAGE);
  return { input: parts.join(" "), json, lang };
}

const command: CliCommand = {
  async run(args, io) {
    if (args.includes("--help") || args.includes("-h")) {
      io.out(`${USAGE}\n`);
      return 0;
    }
    const { input, json, lang } = parse(args);
    const check = checkCompanyId(input);
    const message = describeCompanyIdCheck(check, translator(lang));
    if (json) io.out(`${JSON.stringify({ ...check, message }, null, 2)}\n`);
    else (check.valid ? io.out : io.err)(`${message}\n`);
    return check.valid ? 0 : 1;
  },
};

export default command;
