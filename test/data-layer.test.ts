/**
 * The data layer on whichever database this run uses (SQLite by default, PostgreSQL with
 * RASSURE_TEST_DATABASE=postgresql): the app's client talks to the migrated schema, unique
 * constraints surface as Prisma's P2002 (the webhook ledger relies on it), and shop erasure
 * leaves nothing behind.
 */
import { describe, expect, it } from "vitest";
import prisma from "../app/db.server";
import { resolveDatabase } from "../prisma/database";

const provider = resolveDatabase().provider;

describe(`data layer on ${provider}`, () => {
  it("runs on the provider this run asked for", () => {
    expect(provider).toBe(process.env.RASSURE_TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite");
  });

  it("reports a duplicate webhook delivery as P2002", async () => {
    const data = { platform: "shopify", deliveryId: "dup-1", topic: "APP_UNINSTALLED", shopDomain: "a.myshopify.com" };
    await prisma.webhookDelivery.create({ data });
    await expect(prisma.webhookDelivery.create({ data })).rejects.toMatchObject({ code: "P2002" });
  });

  it("keeps one shop per platform and domain, and stores accents and long text intact", async () => {
    const name = "Atelier Lumière — « Bijoux » ".repeat(40);
    await prisma.shop.create({ data: { platform: "shopify", domain: "b.myshopify.com", name } });
    await prisma.shop.create({ data: { platform: "woocommerce", domain: "b.myshopify.com", name: "same domain, other platform" } });
    await expect(prisma.shop.create({ data: { platform: "shopify", domain: "b.myshopify.com", name: "again" } })).rejects.toMatchObject({ code: "P2002" });
    const stored = await prisma.shop.findUniqueOrThrow({ where: { platform_domain: { platform: "shopify", domain: "b.myshopify.com" } } });
    expect(stored.name).toBe(name);
  });

  it("rolls a failed transaction back entirely", async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.shop.create({ data: { platform: "shopify", domain: "c.myshopify.com", name: "C" } });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await prisma.shop.count({ where: { domain: "c.myshopify.com" } })).toBe(0);
  });
});
