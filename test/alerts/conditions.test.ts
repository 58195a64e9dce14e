/**
 * When alerts start and clear, from the facts of consecutive scans (pure evaluation): the
 * certificate within 14 days, two unreachable probes in a row (one is not enough), a grade
 * drop; once per condition until it clears; nothing decided on what was not observed.
 */
import { describe, expect, it } from "vitest";
import { evaluateConditions, regressedItems, type Observation, type OpenCondition } from "../../app/alerts/conditions";
import { readScan } from "../../app/alerts/observation";

const NOW = new Date("2026-11-23T12:00:00.000Z");
const DAY = 86_400_000;
const ORIGIN = "https://www.atelier-lumiere.fr";

function probe(status: "ok" | "unreachable" | "locked" | "refused", tlsValidTo: string | null = null, error: string | null = null): Observation["storefront"] {
  return { status, origin: ORIGIN, error, tlsValidTo };
}

let minute = 0;
function observation(fields: Partial<Observation> = {}): Observation {
  minute += 1;
  return { observedAt: new Date(NOW.getTime() - 3_600_000 + minute * 60_000).toISOString(), storefront: probe("ok", inDays(90)), grade: "B", score: 80, statuses: {}, ...fields };
}

const inDays = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString();

/** Runs a sequence of scans through the evaluation the way the app does, carrying open conditions over. */
function run(history: Observation[], open: OpenCondition[] = []) {
  let conditions = open;
  const raised: ReturnType<typeof evaluateConditions>["raise"][] = [];
  for (let i = 1; i <= history.length; i++) {
    const decision = evaluateConditions(history.slice(0, i), conditions, NOW);
    conditions = [...conditions.filter((c) => !decision.clear.includes(c.kind) && !decision.open.some((o) => o.kind === c.kind)), ...decision.open];
    raised.push(decision.raise);
  }
  return { raised, open: conditions };
}

describe("certificate expiry", () => {
  it("alerts when the certificate expires within 14 days, with the date and days left", () => {
    const decision = evaluateConditions([observation({ storefront: probe("ok", inDays(9.5)) })], [], NOW);
    expect(decision.raise).toEqual([{ kind: "certificate-expiry", origin: ORIGIN, validTo: inDays(9.5), daysLeft: 9 }]);
    expect(decision.open.map((c) => c.kind)).toEqual(["certificate-expiry"]);
  });

  it("says nothing at 15 days, and alerts for an expired certificate (negative days)", () => {
    expect(evaluateConditions([observation({ storefront: probe("ok", inDays(15)) })], [], NOW).raise).toEqual([]);
    expect(evaluateConditions([observation({ storefront: probe("unreachable", inDays(-2), "TLS certificate rejected (CERT_HAS_EXPIRED)") })], [], NOW).raise[0]).toMatchObject({ kind: "certificate-expiry", daysLeft: -2 });
  });

  it("alerts once until the certificate is renewed, then again for the next one", () => {
    const { raised, open } = run([
      observation({ storefront: probe("ok", inDays(10)) }),
      observation({ storefront: probe("ok", inDays(9)) }),
      observation({ storefront: probe("ok", inDays(8)) }),
      observation({ storefront: probe("ok", inDays(90)) }), // renewed: clears
      observation({ storefront: probe("ok", inDays(5)) }),
    ]);
    expect(raised.map((r) => r.length)).toEqual([1, 0, 0, 0, 1]);
    expect(open.map((c) => c.kind)).toEqual(["certificate-expiry"]);
  });

  it("neither raises nor clears without a TLS fact (plain http, not probed, unreachable before the handshake)", () => {
    const open: OpenCondition[] = [{ kind: "certificate-expiry", openedAt: NOW.toISOString(), detail: {} }];
    for (const storefront of [probe("ok", null), null, probe("unreachable", null, "getaddrinfo ENOTFOUND")]) {
      const decision = evaluateConditions([observation({ storefront })], open, NOW);
      expect(decision.raise.filter((f) => f.kind === "certificate-expiry")).toEqual([]);
      expect(decision.clear).not.toContain("certificate-expiry");
    }
  });
});

describe("storefront unreachable", () => {
  const down = (error = "connect ECONNREFUSED") => observation({ storefront: probe("unreachable", null, error) });

  it("does not alert on one unreachable probe", () => {
    expect(evaluateConditions([observation(), down()], [], NOW).raise).toEqual([]);
  });

  it("alerts on the second unreachable probe in a row, since the first, with the last error", () => {
    const first = down("connect ECONNREFUSED");
    const second = down("connect ETIMEDOUT");
    const decision = evaluateConditions([observation(), first, second], [], NOW);
    expect(decision.raise).toEqual([{ kind: "storefront-down", origin: ORIGIN, error: "connect ETIMEDOUT", since: first.observedAt, probes: 2 }]);
  });

  it("counts probes only: a scan without a probe between two unreachable probes keeps them in a row", () => {
    const decision = evaluateConditions([down(), observation({ storefront: null }), down()], [], NOW);
    expect(decision.raise.map((f) => f.kind)).toEqual(["storefront-down"]);
  });

  it("a reachable probe in between breaks the row", () => {
    expect(evaluateConditions([down(), observation(), down()], [], NOW).raise).toEqual([]);
  });

  it("alerts once while it stays down, clears when a probe reaches it (a password page counts), and can alert again", () => {
    const { raised } = run([down(), down(), down(), down(), observation({ storefront: probe("locked") }), down(), down()]);
    expect(raised.map((r) => r.filter((f) => f.kind === "storefront-down").length)).toEqual([0, 1, 0, 0, 0, 0, 1]);
  });

  it("our own address guard refusing the probe says nothing about the shop", () => {
    const open: OpenCondition[] = [{ kind: "storefront-down", openedAt: NOW.toISOString(), detail: {} }];
    const decision = evaluateConditions([down(), down(), observation({ storefront: probe("refused") })], open, NOW);
    expect(decision).toEqual({ raise: [], open: [], clear: [] });
  });
});

describe("grade drop", () => {
  it("alerts when the grade falls below the previous scan's, naming the items that got worse", () => {
    const before = observation({ grade: "A", score: 92, statuses: { "sec-https": "pass", "leg-terms-of-sale": "pass", "con-phone": "warning", "ops-backups-dr": "not_applicable" } });
    const after = observation({ grade: "B", score: 81, statuses: { "sec-https": "pass", "leg-terms-of-sale": "fail", "con-phone": "fail", "ops-backups-dr": "fail" } });
    const decision = evaluateConditions([before, after], [], NOW);
    expect(decision.raise).toEqual([{ kind: "grade-drop", fromGrade: "A", toGrade: "B", fromScore: 92, toScore: 81, regressedItems: ["leg-terms-of-sale", "con-phone"] }]);
    expect(decision.open).toEqual([{ kind: "grade-drop", openedAt: NOW.toISOString(), detail: { fromGrade: "A", lowestGrade: "B" } }]);
  });

  it("a score that moves within the same grade, or goes up, says nothing", () => {
    expect(evaluateConditions([observation({ grade: "B", score: 88 }), observation({ grade: "B", score: 76 })], [], NOW).raise).toEqual([]);
    expect(evaluateConditions([observation({ grade: "C" }), observation({ grade: "B" })], [], NOW).raise).toEqual([]);
  });

  it("alerts once while the grade stays down; a further drop is news; back to the old grade clears", () => {
    const { raised } = run([
      observation({ grade: "A" }),
      observation({ grade: "B" }), // drop: alert
      observation({ grade: "B" }),
      observation({ grade: "C" }), // lower than already told: alert
      observation({ grade: "B" }), // partly back: nothing
      observation({ grade: "C" }), // not lower than already told: nothing
      observation({ grade: "A" }), // back: clears
      observation({ grade: "B" }), // drops again: alert
    ]);
    expect(raised.map((r) => r.map((f) => (f.kind === "grade-drop" ? `${f.fromGrade}→${f.toGrade}` : f.kind)))).toEqual([[], ["A→B"], [], ["B→C"], [], [], [], ["A→B"]]);
  });

  it("a scan without a grade is skipped: the drop is measured from the last graded scan", () => {
    expect(evaluateConditions([observation({ grade: "A" }), observation({ grade: null, score: null }), observation({ grade: "C" })], [], NOW).raise).toMatchObject([{ kind: "grade-drop", fromGrade: "A", toGrade: "C" }]);
  });
});

describe("items that got worse", () => {
  it("ranks pass > warning > fail, ignores unscored statuses and items new to the report", () => {
    expect(regressedItems({ a: "pass", b: "warning", c: "manual_attested", d: "error", e: "pass" }, { a: "warning", b: "fail", c: "manual_pending", d: "fail", e: "not_applicable", f: "fail" })).toEqual(["b", "c", "a"]);
  });
});

describe("reading a stored scan", () => {
  it("reads probe status, certificate expiry, grade and statuses by field, and tolerates a missing snapshot", () => {
    const snapshot = {
      facts: { name: "Atelier Lumière", adminBaseUrl: "https://shop.example/wp-admin/" },
      storefront: { status: "unreachable", origin: ORIGIN, error: "TLS certificate rejected (CERT_HAS_EXPIRED)", tls: { validTo: "2026-11-20T00:00:00.000Z", daysLeft: -3 } },
    };
    const report = { results: [{ id: "sec-https", status: "fail", summary: { en: "any wording" } }] };
    const finishedAt = new Date("2026-11-23T12:00:00.000Z");
    const reading = readScan({ snapshot: JSON.stringify(snapshot), report: JSON.stringify(report), grade: "C", score: 61, startedAt: finishedAt, finishedAt });
    expect(reading).toEqual({
      observation: { observedAt: finishedAt.toISOString(), storefront: { status: "unreachable", origin: ORIGIN, error: snapshot.storefront.error, tlsValidTo: "2026-11-20T00:00:00.000Z" }, grade: "C", score: 61, statuses: { "sec-https": "fail" } },
      shopName: "Atelier Lumière",
      adminBaseUrl: "https://shop.example/wp-admin/",
    });
    expect(readScan({ snapshot: null, report: "not json", grade: null, score: null, startedAt: finishedAt, finishedAt: null }).observation).toEqual({ observedAt: finishedAt.toISOString(), storefront: null, grade: null, score: null, statuses: {} });
  });
});
