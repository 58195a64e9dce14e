/**
 * The merchant's tracking choices for one shop: automatic fixing, customer notification,
 * carrier overrides ("Transports Martin" is really GLS) and custom carriers with their own
 * URL template. Every write is validated here, whichever page or command calls it.
 */
import type { Platform } from "../../adapters/types";
import prisma from "../db.server";
import type { CarrierChoices } from "./plan";
import { carrierById, nameKey } from "./registry";
import { templateProblem, type TemplateProblem } from "./url-template";

export interface ShopRef {
  platform: Platform;
  shopDomain: string;
}

export interface TrackingSettingsValues {
  autoFix: boolean;
  notifyCustomer: boolean;
}

export const DEFAULT_TRACKING_SETTINGS: TrackingSettingsValues = { autoFix: true, notifyCustomer: false };

export async function getTrackingSettings(shop: ShopRef): Promise<TrackingSettingsValues> {
  const row = await prisma.trackingSettings.findUnique({ where: { platform_shopDomain: shop } });
  return row ? { autoFix: row.autoFix, notifyCustomer: row.notifyCustomer } : DEFAULT_TRACKING_SETTINGS;
}

export async function saveTrackingSettings(shop: ShopRef, values: TrackingSettingsValues) {
  await prisma.trackingSettings.upsert({ where: { platform_shopDomain: shop }, create: { ...shop, ...values }, update: values });
}

export async function loadCarrierChoices(shop: ShopRef): Promise<CarrierChoices> {
  const [overrides, customCarriers] = await Promise.all([listCarrierOverrides(shop), listCustomCarriers(shop)]);
  return carrierChoicesOf(overrides, customCarriers);
}

/** The choices of rows already read (the tracking page lists the same rows). */
export function carrierChoicesOf(overrides: Array<{ companyKey: string; carrierRef: string }>, customCarriers: Array<{ id: string; name: string; urlTemplate: string }>): CarrierChoices {
  return {
    overrides: new Map(overrides.map((o) => [o.companyKey, o.carrierRef])),
    customCarriers: customCarriers.map((c) => ({ id: c.id, name: c.name, urlTemplate: c.urlTemplate })),
  };
}

export const MAX_NAME_LENGTH = 80;
export const MAX_CUSTOM_CARRIERS = 50;

export type CustomCarrierProblem = TemplateProblem | "name-missing" | "name-too-long" | "name-taken" | "too-many";

export type SaveResult<P> = { ok: true } | { ok: false; problem: P };

export async function addCustomCarrier(shop: ShopRef, name: string, urlTemplate: string): Promise<SaveResult<CustomCarrierProblem>> {
  const cleanName = name.trim();
  const key = nameKey(cleanName);
  if (!key) return { ok: false, problem: "name-missing" };
  if (cleanName.length > MAX_NAME_LENGTH) return { ok: false, problem: "name-too-long" };
  const template = urlTemplate.trim();
  const problem = templateProblem(template);
  if (problem) return { ok: false, problem };
  if ((await prisma.customCarrier.count({ where: shop })) >= MAX_CUSTOM_CARRIERS) return { ok: false, problem: "too-many" };
  if (await prisma.customCarrier.findUnique({ where: { platform_shopDomain_nameKey: { ...shop, nameKey: key } } })) return { ok: false, problem: "name-taken" };
  await prisma.customCarrier.create({ data: { ...shop, name: cleanName, nameKey: key, urlTemplate: template } });
  return { ok: true };
}

export async function removeCustomCarrier(shop: ShopRef, id: string) {
  await prisma.$transaction([
    prisma.carrierOverride.deleteMany({ where: { ...shop, carrierRef: `custom:${id}` } }),
    prisma.customCarrier.deleteMany({ where: { ...shop, id } }),
  ]);
}

export type OverrideProblem = "company-missing" | "name-too-long" | "unknown-carrier";

/** `carrierRef` is "registry:<id>" or "custom:<id>" of this shop's custom carrier. */
export async function setCarrierOverride(shop: ShopRef, company: string, carrierRef: string): Promise<SaveResult<OverrideProblem>> {
  const cleanCompany = company.trim();
  const companyKey = nameKey(cleanCompany);
  if (!companyKey) return { ok: false, problem: "company-missing" };
  if (cleanCompany.length > MAX_NAME_LENGTH) return { ok: false, problem: "name-too-long" };
  const [kind, id] = carrierRef.split(":", 2);
  const exists =
    kind === "registry" ? carrierById(id ?? "") !== undefined : kind === "custom" && (await prisma.customCarrier.count({ where: { ...shop, id } })) === 1;
  if (!exists) return { ok: false, problem: "unknown-carrier" };
  await prisma.carrierOverride.upsert({
    where: { platform_shopDomain_companyKey: { ...shop, companyKey } },
    create: { ...shop, companyKey, company: cleanCompany, carrierRef },
    update: { company: cleanCompany, carrierRef },
  });
  return { ok: true };
}

export async function removeCarrierOverride(shop: ShopRef, id: string) {
  await prisma.carrierOverride.deleteMany({ where: { ...shop, id } });
}

export function listCarrierOverrides(shop: ShopRef) {
  return prisma.carrierOverride.findMany({ where: shop, orderBy: { createdAt: "asc" } });
}

export function listCustomCarriers(shop: ShopRef) {
  return prisma.customCarrier.findMany({ where: shop, orderBy: { createdAt: "asc" } });
}
