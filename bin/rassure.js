#!/usr/bin/env node
// `npx rassure …`: the command line for agencies and CI. The commands are TypeScript,
// run through tsx (a dev dependency) so the CLI and the app share one source.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../cli/index.ts");
process.exitCode = await main(process.argv.slice(2));
