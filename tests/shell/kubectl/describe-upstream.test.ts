import { describe, expect, test } from "vitest";
import { readDocsGoldenFiles, runDocsCase, type DocsCase } from "@/tests/shell/fixtures/docs-golden";

/**
 * The kubectl describe_test.go cases of tests/golden/docs/kubectl-describe-test.txt that cannot be compared whole
 * still pin every line they can. A NetworkPolicy's `Created on:` is metav1.Time's String() in the zone of the
 * machine running kubectl (metav1.Time unmarshals into time.Local): the test parses its time in PDT, the lab's
 * terminal runs in UTC, so the same instant is expected in UTC and every other line byte for byte.
 */
const file = readDocsGoldenFiles().find((f) => f.name === "kubectl-describe-test");
const cases = (file?.cases ?? []).filter((c) => c.id.includes("/network-policy"));

function inUtc(golden: DocsCase): string {
  return golden.expected.replace("Created on:   2017-06-04 21:45:56 -0700 PDT\n", "Created on:   2017-06-05 04:45:56 +0000 UTC\n");
}

describe("kubectl describe_test.go NetworkPolicy expectations, with Created on in UTC", () => {
  test("the four NetworkPolicy cases are present", () => expect(cases.map((c) => c.id.split("/")[1])).toEqual(["network-policy", "network-policy-ingress", "network-policy-isolated-egress", "network-policy-port-range"]));
  for (const golden of cases) {
    test(golden.id, () => {
      const expected = inUtc(golden);
      expect(expected).not.toBe(golden.expected);
      expect(runDocsCase(golden)).toBe(expected);
    });
  }
});
