/** Company identifiers checked offline: SIREN/SIRET Luhn, French VAT key, EU VAT formats, and the CLI. */
import { describe, expect, it } from "vitest";
import { main } from "../../cli/index";
import { translator } from "../../app/i18n";
import { checkCompanyId, findCompanyIds, frenchVatKey, luhnValid } from "../../app/legal/company-id";
import { describeCompanyIdCheck } from "../../app/legal/company-id-text";

/** A seeded generator, so a failure can be replayed. */
function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** Completes 8 digits into a Luhn-valid SIREN by choosing the ninth. */
function validSirenFrom(eight: string): string {
  for (let d = 0; d < 10; d++) if (luhnValid(`${eight}${d}`)) return `${eight}${d}`;
  throw new Error("unreachable: one check digit always fits");
}

async function cli(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(["company-id", ...args], (t) => (out += t), (t) => (err += t));
  return { code, out, err };
}

describe("SIREN and SIRET", () => {
  it("accepts registered numbers and the SIREN inside a SIRET", () => {
    expect(checkCompanyId("775 670 417")).toMatchObject({ valid: true, kind: "siren", normalized: "775670417" });
    expect(checkCompanyId("732 829 320 00074")).toMatchObject({ valid: true, kind: "siret", siren: "732829320" });
  });

  it("refuses a wrong check digit and a SIRET whose SIREN is wrong", () => {
    expect(checkCompanyId("775670418")).toMatchObject({ valid: false, kind: "siren", problem: "luhn" });
    expect(checkCompanyId("73282932000075")).toMatchObject({ valid: false, kind: "siret", problem: "luhn" });
    // Luhn-valid over 14 digits, but the first nine are not a SIREN.
    const bad = "123456789";
    let siret = "";
    for (let d = 0; d < 100000 && !siret; d++) {
      const candidate = `${bad}${String(d).padStart(5, "0")}`;
      if (luhnValid(candidate)) siret = candidate;
    }
    expect(luhnValid(bad)).toBe(false);
    expect(checkCompanyId(siret)).toMatchObject({ valid: false, problem: "siren-in-siret" });
  });

  it("applies La Poste's own SIRET rule (digit sum a multiple of 5) only to La Poste", () => {
    // 356 000 000 49837: digit sum 45, not Luhn-valid.
    expect(luhnValid("35600000049837")).toBe(false);
    expect(checkCompanyId("356 000 000 49837")).toMatchObject({ valid: true, kind: "siret" });
    expect(checkCompanyId("356 000 000 49838")).toMatchObject({ valid: false, problem: "luhn" });
  });

  it("catches every single mistyped digit of a valid SIREN (200 random numbers)", () => {
    const next = random(42);
    for (let n = 0; n < 200; n++) {
      const siren = validSirenFrom(String(Math.floor(next() * 1e8)).padStart(8, "0"));
      expect(checkCompanyId(siren).valid).toBe(true);
      for (let i = 0; i < 9; i++) {
        const digit = Number(siren[i]);
        const typo = `${siren.slice(0, i)}${(digit + 1 + Math.floor(next() * 9)) % 10}${siren.slice(i + 1)}`;
        expect(checkCompanyId(typo)).toMatchObject({ valid: false, problem: "luhn" });
      }
    }
  });
});

describe("VAT numbers", () => {
  it("computes the French key from the SIREN and checks it", () => {
    expect(frenchVatKey("775670417")).toBe("81");
    expect(frenchVatKey("000000000")).toBe("12");
    expect(checkCompanyId("FR 81 775 670 417")).toMatchObject({ valid: true, kind: "vat", siren: "775670417", keyChecked: true });
    expect(checkCompanyId("FR82775670417")).toMatchObject({ valid: false, problem: "vat-key", expectedKey: "81" });
  });

  it("checks the format of other EU countries and says the key was not checked", () => {
    for (const vat of ["DE123456789", "NL123456789B01", "ATU12345678", "EL123456789", "BE0123456789", "IE1234567WA", "ESX1234567R"]) {
      expect(checkCompanyId(vat), vat).toMatchObject({ valid: true, kind: "vat", keyChecked: false });
    }
    expect(checkCompanyId("ATU1234567")).toMatchObject({ valid: false, problem: "vat-format" });
    expect(checkCompanyId("GR123456789")).toMatchObject({ valid: false, problem: "vat-country" });
    expect(checkCompanyId("FRAB123")).toMatchObject({ valid: false, problem: "vat-format" });
  });

  it("refuses empty, overlong and unrecognisable input", () => {
    expect(checkCompanyId("  ")).toMatchObject({ valid: false, problem: "empty" });
    expect(checkCompanyId("1".repeat(60))).toMatchObject({ valid: false, problem: "too-long" });
    expect(checkCompanyId("12345")).toMatchObject({ valid: false, problem: "unrecognised" });
    expect(checkCompanyId("<script>")).toMatchObject({ valid: false, problem: "unrecognised" });
  });
});

describe("finding identifiers in a legal notice", () => {
  it("finds the SIREN, SIRET and VAT number as merchants write them, in the order written", () => {
    const notice = "Atelier Lumière SAS, capital 10 000 €, RCS Lyon 775 670 417, SIRET 732 829 320 00074. TVA intracommunautaire : FR 81 775 670 417. Tél. 04 72 00 00 00.";
    const found = findCompanyIds(notice).map((f) => [f.check.kind, f.check.normalized, f.check.valid]);
    expect(found).toEqual([
      ["siren", "775670417", true],
      ["siret", "73282932000074", true],
      ["vat", "FR81775670417", true],
    ]);
    expect(findCompanyIds("Depuis 1987, SIRET en cours")).toEqual([]);
  });

  it("reports a wrong SIREN it finds", () => {
    const [found] = findCompanyIds("SIREN : 775 670 418");
    expect(found.check).toMatchObject({ valid: false, problem: "luhn" });
  });
});

describe("describing a check", () => {
  it("says why in English and in French", () => {
    const wrongKey = checkCompanyId("FR82775670417");
    expect(describeCompanyIdCheck(wrongKey, translator("en"))).toBe("FR 82 775670417 is not a valid French VAT number: for SIREN 775670417 the key is 81.");
    expect(describeCompanyIdCheck(wrongKey, translator("fr"))).toBe("FR 82 775670417 n'est pas un numéro de TVA français valide : pour le SIREN 775670417, la clé est 81.");
    expect(describeCompanyIdCheck(checkCompanyId("73282932000074"), translator("en"))).toBe("732 829 320 00074 is a valid SIRET. Company SIREN: 732829320.");
  });
});

describe("rassure company-id", () => {
  it("exits 0 for a valid number written with spaces, as one or several arguments", async () => {
    expect(await cli(["FR 81 775 670 417"])).toMatchObject({ code: 0, out: expect.stringContaining("valid VAT number") });
    expect(await cli(["FR", "81", "775", "670", "417"])).toMatchObject({ code: 0 });
  });

  it("exits 1 with the reason for an invalid number, in French with --lang fr", async () => {
    const wrong = await cli(["775 670 418", "--lang", "fr"]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain("chiffre de contrôle est faux");
  });

  it("prints JSON with --json", async () => {
    const { code, out } = await cli(["775670417", "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ valid: true, kind: "siren", normalized: "775670417", message: "775 670 417 is a valid SIREN." });
  });

  it("exits 2 on bad usage", async () => {
    expect((await cli([])).code).toBe(2);
    expect((await cli(["775670417", "--lang", "de"])).code).toBe(2);
    expect((await cli(["775670417", "--verbose"])).code).toBe(2);
  });
});
