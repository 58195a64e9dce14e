/** The help entry's environment (issue 16 §5): defaults when unset, the operator's values when set, one clear line when malformed. */
import { describe, expect, it } from "vitest";
import { DEFAULT_HELP, EnvironmentError, readHelpEnvironment } from "../../app/env.server";

describe("RASSURE_HELP_URL and RASSURE_SUPPORT_EMAIL", () => {
  it("defaults to Rassure's help center and support address", () => {
    expect(readHelpEnvironment({})).toEqual({ docsUrl: "https://rassure.io/help", supportEmail: "support@rassure.io" });
    expect(readHelpEnvironment({ RASSURE_HELP_URL: " ", RASSURE_SUPPORT_EMAIL: "" })).toEqual(DEFAULT_HELP);
  });

  it("takes the operator's documentation and contact", () => {
    expect(readHelpEnvironment({ RASSURE_HELP_URL: "https://docs.example.com/rassure", RASSURE_SUPPORT_EMAIL: " help@example.com " })).toEqual({
      docsUrl: "https://docs.example.com/rassure",
      supportEmail: "help@example.com",
    });
  });

  it.each([
    ["RASSURE_HELP_URL", "docs.example.com"],
    ["RASSURE_HELP_URL", "javascript:alert(1)"],
    ["RASSURE_SUPPORT_EMAIL", "Support <help@example.com>"],
    ["RASSURE_SUPPORT_EMAIL", "help@example.com?subject=x"],
  ])("refuses %s=%s with a line naming it", (name, value) => {
    const read = () => readHelpEnvironment({ [name]: value });
    expect(read).toThrow(EnvironmentError);
    expect(read).toThrow(new RegExp(`^${name}: must be`));
  });
});
