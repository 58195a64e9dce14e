/** `rassure carrier detect`, through the CLI entry point the bin runs. */
import { describe, expect, it } from "vitest";
import { main } from "../../cli/index";

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, (t) => (out += t), (t) => (err += t));
  return { code, out, err };
}

describe("rassure carrier detect", () => {
  it("prints ranked candidates as JSON with name, url, confidence and reason", async () => {
    const { code, out } = await run(["carrier", "detect", "1Z999AA10123456784", "--json"]);
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as { ambiguous: boolean; candidates: Array<{ name: string; url: string; confidence: number; reason: string }> };
    expect(parsed.ambiguous).toBe(false);
    expect(parsed.candidates[0]).toEqual({ id: "ups", name: "UPS", url: "https://www.ups.com/track?tracknum=1Z999AA10123456784", confidence: 0.95, reason: expect.stringContaining("check digit") });
  });

  it("uses --country and says when the result is ambiguous", async () => {
    const ambiguous = await run(["carrier", "detect", "TBA123456789012"]);
    expect(ambiguous.out).toContain("ambiguous");
    const uk = await run(["carrier", "detect", "TBA123456789012", "--country", "gb", "--json"]);
    expect(JSON.parse(uk.out).candidates[0].name).toBe("Amazon Logistics UK");
  });

  it("fails clearly on a hostile number and on bad usage", async () => {
    const hostile = await run(["carrier", "detect", "<svg onload=alert(1)>"]);
    expect(hostile.code).toBe(1);
    expect(hostile.err).toContain("only letters and digits");
    expect((await run(["carrier", "detect"])).code).toBe(2);
    expect((await run(["carrier", "detect", "123", "--country", "France"])).code).toBe(2);
    expect((await run(["carrier", "locate", "123"])).code).toBe(2);
  });
});
