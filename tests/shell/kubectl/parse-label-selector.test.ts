import { describe, expect, test } from "vitest";
import { matchLabelRequirements, parseLabelSelector } from "@/lib/shell/kubectl/parse-label-selector";

/** Selector syntax of https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors. */
describe("parseLabelSelector and matchLabelRequirements", () => {
  const labels = { environment: "production", tier: "frontend", app: "web" };
  test.each([
    ["equality", "environment=production", true],
    ["double equals", "environment==production", true],
    ["inequality", "tier!=frontend", false],
    ["inequality on a missing key matches", "partition!=a", true],
    ["set membership", "environment in (production, qa)", true],
    ["set exclusion", "tier notin (frontend, backend)", false],
    ["existence", "app", true],
    ["non-existence", "!partition", true],
    ["AND of requirements", "environment=production,tier=backend", false],
    ["the empty selector matches everything", "", true],
  ])("%s", (_label, selector, expected) => {
    const parsed = parseLabelSelector(selector);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(matchLabelRequirements(parsed.requirements, labels)).toBe(expected);
  });

  test("rejects a requirement that is not one", () => {
    expect(parseLabelSelector("a=b=c").ok).toBe(false);
  });
});
