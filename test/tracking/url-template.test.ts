/** Custom carrier templates are merchant input: only https links to a fixed host, with the number encoded. */
import { describe, expect, it } from "vitest";
import { fillTemplate, templateProblem } from "../../app/tracking/url-template";

describe("tracking URL templates", () => {
  it("accepts an https template with the number placeholder", () => {
    expect(templateProblem("https://suivi.transports-martin.fr/colis?n={number}&cp={postcode}")).toBeNull();
  });

  it.each([
    ["http://carrier.example/t/{number}", "not-https"],
    ["javascript:alert(1)//{number}", "not-https"],
    ["https://carrier.example/track", "no-number"],
    ["https://carrier.example/t/{number}/{password}", "unknown-placeholder"],
    ["https://carrier.example/t/{{number}}", "unknown-placeholder"],
    ["https://{number}.evil.example/", "placeholder-in-host"],
    ["https://carrier.example@{number}/", "placeholder-in-host"],
    ["https://carrier.example{number}", "placeholder-in-host"],
    ["https://carrier.example/t/{number}\"><script>", "forbidden-characters"],
    ["https://carrier.example/t/{number} onclick=x", "forbidden-characters"],
    [`https://carrier.example/${"a".repeat(600)}{number}`, "too-long"],
  ])("refuses %s (%s)", (template, problem) => {
    expect(templateProblem(template)).toBe(problem);
  });

  it("URL-encodes every inserted value, so a number cannot add parameters or paths", () => {
    const url = fillTemplate("https://carrier.example/t?n={number}", { number: "12&redirect=https://evil/../x" });
    expect(url).toBe("https://carrier.example/t?n=12%26redirect%3Dhttps%3A%2F%2Fevil%2F..%2Fx");
    expect(new URL(url).searchParams.get("redirect")).toBeNull();
  });
});
