import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { parse as parseYaml } from "yaml";
import { describeGeneric } from "@/lib/shell/kubectl/describe-generic";
import { describeService } from "@/lib/shell/kubectl/describe-service";
import type { AnyObject, Service } from "@/lib/sim/objects/kinds";
import type { ManifestObject } from "@/lib/sim/objects/meta";
import { Cluster } from "@/lib/sim/store/cluster";
import { DOCS_GOLDEN_ROOT, readDocsGoldenFiles, runDocsCase, type DocsCase } from "@/tests/shell/fixtures/docs-golden";

/**
 * The kubectl describe_test.go cases of tests/golden/docs/kubectl-describe-test.txt that a cluster cannot show
 * whole still pin every line they can, each by a stated, deterministic difference from the upstream text.
 */
const file = readDocsGoldenFiles().find((f) => f.name === "kubectl-describe-test");
const byName = (name: string): DocsCase => {
  const golden = file?.cases.find((c) => c.id === `kubectl-describe-test/${name}`);
  if (!golden) throw new Error(`no case ${name}`);
  return golden;
};

/**
 * TestDescribeService hands the describer its Service literal and EndpointSlices through a fake clientset, with no
 * apiserver defaulting or validation in between; the same is done here: the slices are cluster state, the Service
 * is the literal from the scenario, given to describe service as the test gives it to ServiceDescriber.
 */
function describeLiteralService(golden: DocsCase): string {
  const objects = readScenarioObjects(golden);
  const service = objects.find((o) => o.kind === "Service") as unknown as Service;
  const cluster = Cluster.create({ addons: [] });
  const loaded = cluster.load(objects.filter((o) => o.kind !== "Service"));
  for (const result of loaded) if (!result.ok) throw new Error(result.error.message);
  return describeService(cluster, service, []);
}

function readScenarioObjects(golden: DocsCase): ManifestObject[] {
  return (parseYaml(readFileSync(path.join(DOCS_GOLDEN_ROOT, "scenarios", `${golden.scenario}.yaml`), "utf8")) as { objects: ManifestObject[] }).objects;
}

/** TestDescribeSecret's Secret has no type; the fake clientset hands it to SecretDescriber as it is. */
describe("kubectl describe_test.go TestDescribeSecret, describer given the test's object", () => {
  for (const name of ["secret-alphabetical-ordering", "secret-uppercase-takes-precedence", "secret-numbers-take-precedence"]) {
    test(name, () => {
      const golden = byName(name);
      const secret = readScenarioObjects(golden).find((o) => o.kind === "Secret") as unknown as AnyObject;
      expect(describeGeneric(Cluster.create({ addons: [] }), secret, [])).toBe(golden.expected);
    });
  }
});

describe("kubectl describe_test.go TestDescribeService, describer given the test's objects", () => {
  for (const name of ["service-test1", "service-test2", "service-ready-field-empty", "service-ip-family", "service-ip-family-policy-cluster-ips"]) {
    test(name, () => expect(describeLiteralService(byName(name))).toBe(byName(name).expected));
  }
  // Lines kubectl gained after v1.32, the version the lab prints: the rest of the text is v1.32's.
  test("service-traffic-distribution, without the Traffic Distribution line (kubernetes/kubernetes#131491, 2025)", () => {
    const golden = byName("service-traffic-distribution");
    const expected = golden.expected.replace("Traffic Distribution:     PreferClose\n", "");
    expect(expected).not.toBe(golden.expected);
    expect(describeLiteralService(golden)).toBe(expected);
  });
  test("service-app-protocol, without the AppProtocol line (added after v1.32)", () => {
    const golden = byName("service-app-protocol");
    const expected = golden.expected.replace("AppProtocol:              example.com/custom-protocol\n", "");
    expect(expected).not.toBe(golden.expected);
    expect(describeLiteralService(golden)).toBe(expected);
  });
});

/**
 * A NetworkPolicy's `Created on:` is metav1.Time's String() in the zone of the machine running kubectl
 * (metav1.Time unmarshals into time.Local): the test parses its time in PDT, the lab's terminal runs in UTC, so
 * the same instant is expected in UTC and every other line byte for byte, through the terminal.
 */
describe("kubectl describe_test.go NetworkPolicy expectations, with Created on in UTC", () => {
  const cases = (file?.cases ?? []).filter((c) => c.id.includes("/network-policy"));
  test("the four NetworkPolicy cases are present", () => expect(cases.map((c) => c.id.split("/")[1])).toEqual(["network-policy", "network-policy-ingress", "network-policy-isolated-egress", "network-policy-port-range"]));
  for (const golden of cases) {
    test(golden.id, () => {
      const expected = golden.expected.replace("Created on:   2017-06-04 21:45:56 -0700 PDT\n", "Created on:   2017-06-05 04:45:56 +0000 UTC\n");
      expect(expected).not.toBe(golden.expected);
      expect(runDocsCase(golden)).toBe(expected);
    });
  }
});

/**
 * TestDescribeIngressClass describes with ShowEvents off; kubectl describe shows events by default, so the
 * terminal's output is the test's text followed by one Events line, which is the only line left out here.
 */
describe("kubectl describe_test.go TestDescribeIngressClass, through the terminal", () => {
  test("ingressclass", () => {
    const golden = byName("ingressclass");
    const lines = runDocsCase(golden).split("\n");
    expect(lines.at(-2)).toMatch(/^Events: +<none>$/);
    expect([...lines.slice(0, -2), ""].join("\n")).toBe(golden.expected);
  });
});
