/**
 * Online confirmation by the public registers, against the local stand-in that answers as
 * recherche-entreprises.api.gouv.fr and VIES do: confirmed, ceased, unknown, cached, and
 * "not verified" (never "invalid") when a register is down, slow or answers nonsense.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { companyNamesMatch } from "../../app/legal/company-name";
import { confirmWithRegister, type RegisterOptions } from "../../app/legal/company-registers.server";
import { startCompanyRegisters, type CompanyRegistersStandIn } from "../../dev/company-registers";

let registers: CompanyRegistersStandIn;
let options: RegisterOptions;

beforeAll(async () => {
  registers = await startCompanyRegisters();
  options = { directoryUrl: registers.url, viesUrl: registers.url, timeoutMs: 2_000 };
});
afterAll(() => registers.close());
beforeEach(() => prisma.companyVerification.deleteMany());

describe("company directory (SIREN)", () => {
  it("confirms an active company, from a SIREN or a SIRET, with the register's name", async () => {
    expect(await confirmWithRegister(prisma, "812 345 676", options)).toMatchObject({ status: "confirmed", register: "company-directory", identifier: "812345676", name: "ATELIER LUMIERE", cached: false });
    expect(await confirmWithRegister(prisma, "812 345 676 00017", options)).toMatchObject({ status: "confirmed", identifier: "812345676", cached: true });
  });

  it("says a closed company is ceased and an unknown one not found", async () => {
    expect(await confirmWithRegister(prisma, "732829320", options)).toMatchObject({ status: "ceased", name: "BOUGIES D'ANTAN" });
    expect(await confirmWithRegister(prisma, "775670417", options)).toMatchObject({ status: "not-found" });
  });

  it("never sends a number that is invalid offline", async () => {
    const before = registers.requests;
    expect(await confirmWithRegister(prisma, "812345677", options)).toBeNull();
    expect(registers.requests).toBe(before);
  });

  it("asks again once the cache is stale, and caches nothing when the register is down", async () => {
    const start = new Date("2026-12-01T10:00:00Z");
    await confirmWithRegister(prisma, "812345676", { ...options, now: () => start });
    const before = registers.requests;
    await confirmWithRegister(prisma, "812345676", { ...options, now: () => new Date(start.getTime() + 6 * 86_400_000) });
    expect(registers.requests).toBe(before);
    await confirmWithRegister(prisma, "812345676", { ...options, now: () => new Date(start.getTime() + 8 * 86_400_000) });
    expect(registers.requests).toBe(before + 1);

    await prisma.companyVerification.deleteMany();
    registers.failNext(1);
    expect(await confirmWithRegister(prisma, "812345676", options)).toMatchObject({ status: "unreachable", reason: "HTTP 503" });
    expect(await prisma.companyVerification.count()).toBe(0);
    expect(await confirmWithRegister(prisma, "812345676", options)).toMatchObject({ status: "confirmed" });
  });
});

describe("VIES (VAT)", () => {
  it("confirms a registered VAT number and says an unregistered one is not found", async () => {
    expect(await confirmWithRegister(prisma, "FR 19 812 345 676", options)).toMatchObject({ status: "confirmed", register: "vies", identifier: "FR19812345676", name: "ATELIER LUMIERE" });
    expect(await confirmWithRegister(prisma, "DE123456789", options)).toMatchObject({ status: "not-found", name: null });
  });

  it("treats a member state's outage as not verified", async () => {
    registers.failNext(1);
    expect(await confirmWithRegister(prisma, "FR19812345676", options)).toMatchObject({ status: "unreachable", reason: "MS_UNAVAILABLE" });
  });
});

describe("a register that misbehaves", () => {
  it("is not verified when it drips bytes past the deadline, refuses connections or answers HTML", async () => {
    const server = createServer((req, res) => {
      if (req.url?.startsWith("/html")) return res.writeHead(200, { "Content-Type": "text/html" }).end("<html>maintenance</html>");
      res.writeHead(200, { "Content-Type": "application/json" });
      const timer = setInterval(() => res.write(" "), 100);
      res.on("close", () => clearInterval(timer));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const started = Date.now();
      expect(await confirmWithRegister(prisma, "812345676", { directoryUrl: base, timeoutMs: 500 })).toMatchObject({ status: "unreachable", reason: "timed out" });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(await confirmWithRegister(prisma, "FR19812345676", { viesUrl: `${base}/html`, timeoutMs: 500 })).toMatchObject({ status: "unreachable", reason: "HTTP 200, not JSON" });
    } finally {
      server.closeAllConnections();
      server.close();
    }
    expect(await confirmWithRegister(prisma, "812345676", { directoryUrl: "http://127.0.0.1:1", timeoutMs: 500 })).toMatchObject({ status: "unreachable" });
  });
});

describe("company names", () => {
  it("match across case, accents, punctuation and legal forms, and not otherwise", () => {
    expect(companyNamesMatch("SAS Atelier Lumière", "ATELIER LUMIERE")).toBe(true);
    expect(companyNamesMatch("Savonnerie du Vieux-Port SARL", "SAVONNERIE DU VIEUX PORT")).toBe(true);
    expect(companyNamesMatch("Atelier Lumière", "ATELIER SOLEIL")).toBe(false);
    expect(companyNamesMatch("SAS", "ATELIER LUMIERE")).toBe(false);
  });
});
