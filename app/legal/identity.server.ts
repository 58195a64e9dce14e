/** The merchant's company details, stored per shop (app/legal/identity.ts says what they are). */
import type { PrismaClient } from "../db.server";
import { cleanIdentity, identityProblems, type LegalIdentityFields } from "./identity";

export interface ShopKey {
  platform: string;
  shopDomain: string;
}

export async function loadIdentity(db: PrismaClient, shop: ShopKey): Promise<LegalIdentityFields | null> {
  const row = await db.legalIdentity.findUnique({ where: { platform_shopDomain: shop } });
  if (!row) return null;
  try {
    return cleanIdentity(JSON.parse(row.fields) as Record<string, unknown>);
  } catch {
    return null;
  }
}

/** Saves what is valid; returns the problems instead when any field cannot be used as typed. */
export async function saveIdentity(db: PrismaClient, shop: ShopKey, input: Record<string, unknown>) {
  const fields = cleanIdentity(input);
  const problems = identityProblems(fields);
  if (Object.keys(problems).length) return { ok: false as const, fields, problems };
  const data = { fields: JSON.stringify(fields) };
  await db.legalIdentity.upsert({ where: { platform_shopDomain: shop }, create: { ...shop, ...data }, update: data });
  return { ok: true as const, fields, problems };
}
