// The Node flags `npm start` gives the production server, read from package.json's start script
// (the one place they are written), so the benches run the app's process as production does.
import { readFileSync } from "node:fs";

const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const start = /^node((?:\s+--\S+)*)\s+scripts\/start\.mjs$/.exec(manifest.scripts.start.trim());
if (!start) throw new Error(`package.json's start script is not "node [--flag …] scripts/start.mjs": ${manifest.scripts.start}`);

/** e.g. ["--max-old-space-size=1024"] */
export const START_NODE_FLAGS = start[1].trim().split(/\s+/).filter(Boolean);
