/**
 * The Admin GraphQL schema the store validates and executes against: the
 * contract SDL in test/contracts/shopify, built once per process (it is
 * ~3.7 MB, building takes a few hundred milliseconds).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildSchema, isObjectType, type GraphQLSchema } from "graphql";

export const ADMIN_SCHEMA_PATH = fileURLToPath(
  new URL("../../test/contracts/shopify/admin-2026-07.graphql", import.meta.url),
);

let cachedSchema: GraphQLSchema | undefined;

export function getAdminSchema(): GraphQLSchema {
  if (!cachedSchema) {
    // The contract is already validated upstream; skipping SDL validation halves the build time.
    cachedSchema = buildSchema(readFileSync(ADMIN_SCHEMA_PATH, "utf8"), { assumeValidSDL: true });
  }
  return cachedSchema;
}

let cachedCompanies: Set<string> | undefined;

/**
 * Tracking companies Shopify knows (case-sensitive), read from the description
 * of FulfillmentTrackingInfo.company: the global bulleted list plus the
 * per-country lists ("* **France**: Colissimo, Mondial Relay, ...").
 */
export function getSupportedTrackingCompanies(): Set<string> {
  if (cachedCompanies) return cachedCompanies;
  const type = getAdminSchema().getType("FulfillmentTrackingInfo");
  const description = type && isObjectType(type) ? (type.getFields().company?.description ?? "") : "";
  cachedCompanies = parseTrackingCompanies(description);
  return cachedCompanies;
}

export function parseTrackingCompanies(description: string): Set<string> {
  const companies = new Set<string>();
  // Bullets, with wrapped lines ("... Old\n  Dominion, ...") joined back onto their bullet.
  const bullets: string[] = [];
  let previousWasBullet = false;
  for (const rawLine of description.split("\n")) {
    const line = rawLine.trim();
    if (line.startsWith("* ")) {
      bullets.push(line.slice(2).trim());
      previousWasBullet = true;
    } else if (line && previousWasBullet) {
      bullets[bullets.length - 1] += ` ${line}`;
    } else {
      previousWasBullet = false;
    }
  }
  for (const bullet of bullets) {
    const country = /^\*\*[^*]+\*\*:\s*(.*)$/.exec(bullet);
    const names = country ? country[1].split(",") : [bullet];
    for (const name of names) {
      const clean = name.trim().replace(/\.$/, "");
      if (clean && !clean.includes("`") && !clean.startsWith("[")) companies.add(clean);
    }
  }
  return companies;
}
