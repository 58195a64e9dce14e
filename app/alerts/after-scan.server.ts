/**
 * The one call the checklist makes when a scan has finished: keep what the scan saw
 * (app/alerts/observation.ts), decide which conditions start or clear (app/alerts/conditions.ts,
 * pure) and raise the alerts, each queued for delivery in the same transaction. Also queues
 * again the shop's alerts that have not gone out yet (a mail server down for longer than the
 * queue's tries), so an outage loses nothing. Never throws: a scan is not undone by its alerts.
 */
import prisma from "../db.server";
import { appEnvironment } from "../env.server";
import { kickJobWorker } from "../jobs/runtime.server";
import { errorText } from "../jobs/types";
import { log } from "../logger.server";
import type { Transaction } from "../webhooks/ledger.server";
import { checklistLink, type LinkContext } from "./admin-links";
import { evaluateConditions, type GradeDropDetail, type Observation, type OpenCondition } from "./conditions";
import { enqueueDelivery } from "./delivery.server";
import { isAlertKind, ITEM_OF_KIND, type AlertFacts, type Grade } from "./kinds";
import { readScan } from "./observation";
import { quietHoursEnd } from "./quiet-hours";
import { getAlertSettings, type AlertSettingsView, type ShopRef } from "./settings.server";

/** Enough history for two probes in a row and a grade drop, with scans without a probe in between. */
const OBSERVATIONS_KEPT = 10;
/** Undelivered alerts older than this are not queued again (old news). */
const REDELIVER_WITHIN_MS = 7 * 86_400_000;

type ObservationRow = Awaited<ReturnType<typeof prisma.alertObservation.findMany>>[number];

function observationOf(row: ObservationRow): Observation {
  return {
    observedAt: row.observedAt.toISOString(),
    storefront: row.storefrontStatus
      ? { status: row.storefrontStatus as NonNullable<Observation["storefront"]>["status"], origin: row.storefrontOrigin ?? "", error: row.storefrontError, tlsValidTo: row.tlsValidTo?.toISOString() ?? null }
      : null,
    grade: row.grade as Grade | null,
    score: row.score,
    statuses: JSON.parse(row.statuses) as Record<string, string>,
  };
}

function linkFor(facts: AlertFacts, context: LinkContext): string {
  if (facts.kind === "grade-drop") return checklistLink(context, facts.regressedItems[0] ?? null);
  if (facts.kind === "test") return checklistLink(context, null);
  return checklistLink(context, ITEM_OF_KIND[facts.kind]);
}

async function raise(tx: Transaction, shop: ShopRef, facts: AlertFacts, link: string, settings: AlertSettingsView, now: Date) {
  const muted = isAlertKind(facts.kind) && !settings.enabled[facts.kind];
  // The delivery job checks quiet hours again with the platform's time zone; this is a first guess when the zone is known.
  const sendAfter = muted || !settings.timezone ? null : quietHoursEnd(now, settings.quietHours, settings.timezone);
  const alert = await tx.alert.create({
    data: { ...shop, kind: facts.kind, facts: JSON.stringify(facts), link, status: muted ? "muted" : sendAfter ? "deferred" : "pending", sendAfter },
  });
  if (!muted) await enqueueDelivery(tx, alert, sendAfter ?? undefined);
}

export async function alertsAfterScan(shop: ShopRef, scan: { id: string; status: string }, now = new Date()): Promise<void> {
  if (scan.status !== "done") return;
  try {
    const row = await prisma.checklistScan.findUnique({ where: { id: scan.id }, select: { snapshot: true, report: true, grade: true, score: true, startedAt: true, finishedAt: true } });
    if (!row) return;
    const { observation, adminBaseUrl } = readScan(row);
    const settings = await getAlertSettings(shop);
    const context: LinkContext = { ...shop, shopifyApiKey: appEnvironment().shopifyApiKey, wpAdminBaseUrl: adminBaseUrl };
    const where = { platform: shop.platform, shopDomain: shop.shopDomain };
    await prisma.$transaction(async (tx) => {
      // Keyed by scan: evaluating the same scan twice changes nothing.
      await tx.alertObservation.upsert({
        where: { scanId: scan.id },
        update: {},
        create: {
          ...where,
          scanId: scan.id,
          observedAt: new Date(observation.observedAt),
          storefrontStatus: observation.storefront?.status ?? null,
          storefrontOrigin: observation.storefront?.origin ?? null,
          storefrontError: observation.storefront?.error?.slice(0, 1000) ?? null,
          tlsValidTo: observation.storefront?.tlsValidTo ? new Date(observation.storefront.tlsValidTo) : null,
          grade: observation.grade,
          score: observation.score,
          statuses: JSON.stringify(observation.statuses),
        },
      });
      const recent = await tx.alertObservation.findMany({ where, orderBy: { observedAt: "desc" }, take: OBSERVATIONS_KEPT });
      await tx.alertObservation.deleteMany({ where: { ...where, id: { notIn: recent.map((r) => r.id) } } });
      const open: OpenCondition[] = (await tx.alertCondition.findMany({ where }))
        .filter((c) => isAlertKind(c.kind))
        .map((c) => ({ kind: c.kind as OpenCondition["kind"], openedAt: c.openedAt.toISOString(), detail: JSON.parse(c.detail) as GradeDropDetail }));

      const decision = evaluateConditions(recent.reverse().map(observationOf), open, now);
      if (decision.clear.length) await tx.alertCondition.deleteMany({ where: { ...where, kind: { in: decision.clear } } });
      for (const condition of decision.open) {
        const data = { openedAt: new Date(condition.openedAt), detail: JSON.stringify(condition.detail) };
        await tx.alertCondition.upsert({ where: { platform_shopDomain_kind: { ...where, kind: condition.kind } }, create: { ...where, kind: condition.kind, ...data }, update: data });
      }
      for (const facts of decision.raise) await raise(tx, shop, facts, linkFor(facts, context), settings, now);

      const undelivered = await tx.alert.findMany({ where: { ...where, status: { in: ["pending", "deferred", "retrying", "failed"] }, raisedAt: { gt: new Date(now.getTime() - REDELIVER_WITHIN_MS) } } });
      // A waiting job for the same alert covers it (dedupe key): only lost or dead deliveries get a new one.
      for (const alert of undelivered) await enqueueDelivery(tx, alert, alert.status === "deferred" ? (alert.sendAfter ?? undefined) : undefined);
    });
    kickJobWorker();
  } catch (error) {
    log("error", "alerts: the finished scan could not be evaluated", { ...shop, scanId: scan.id, error: errorText(error) });
  }
}
