import { describe, expect, test } from "vitest";
import { ShellSession } from "@/lib/shell/session/shell-session";
import { buildDocsCluster } from "@/tests/shell/fixtures/docs-golden";

/**
 * The expectations of kubernetes/kubernetes test/cmd/get.sh (run_kubectl_get_tests, commit
 * 1c94f30d80299be8d0b3b396d4b9842d3f95329e), the command-line suite upstream runs against a real apiserver. They
 * assert with kube::test::if_has_string / if_has_not_string on the combined output (`2>&1`), so each case here
 * checks the same string the same way, in a namespace with no pods.
 */
function execute(command: string) {
  const session = new ShellSession({ cluster: buildDocsCluster("empty-default", undefined), commandIntervalMs: 0 });
  return session.execute(command);
}
const run = (command: string): string => execute(command).text;

describe("test/cmd/get.sh: retrieval of non-existing pods", () => {
  test("kubectl get pods abc: pods \"abc\" not found", () => expect(run("kubectl get pods abc")).toContain('pods "abc" not found'));
  test("kubectl get pods abc -o name: pods \"abc\" not found", () => expect(run("kubectl get pods abc -o name")).toContain('pods "abc" not found'));
  test("kubectl get pods abc -o json: pods \"abc\" not found, and no empty List", () => {
    const output = run("kubectl get pods abc -o json");
    expect(output).toContain('pods "abc" not found');
    expect(output).not.toContain("List");
  });
});

describe("test/cmd/get.sh: retrieval of pods when none exist", () => {
  for (const format of ["-o json", "-o yaml", "-o name", "-o jsonpath='{.items}'", "-o go-template='{{.items}}'", "-o custom-columns=NAME:.metadata.name"]) {
    test(`kubectl get pods ${format}: no "No resources found" (not a human-readable format)`, () => expect(run(`kubectl get pods ${format}`)).not.toContain("No resources found"));
  }
  test('kubectl get foobar: no "No resources found" when an error occurs', () => expect(run("kubectl get foobar")).not.toContain("No resources found"));
  test('kubectl get pods: "No resources found"', () => expect(run("kubectl get pods")).toContain("No resources found"));
  test('kubectl get pods --ignore-not-found: no "No resources found"', () => {
    const result = execute("kubectl get pods --ignore-not-found");
    expect(result.text).not.toContain("No resources found");
    // The flag is accepted and the command succeeds silently, not by failing on an unknown flag.
    expect(result).toMatchObject({ text: "", exitCode: 0 });
  });
  test('kubectl get pods -o wide: "No resources found"', () => expect(run("kubectl get pods -o wide")).toContain("No resources found"));
});
