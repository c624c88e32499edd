import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";

const ROOT = path.resolve(__dirname, "../../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const dir = mkdtempSync(path.join(tmpdir(), "conformance-"));

function runScript(...args: string[]) {
  const out = spawnSync(TSX, ["scripts/conformance.ts", ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  const lines = out.stdout.trim().split("\n");
  return { status: out.status, stdout: out.stdout, stderr: out.stderr, lines, last: lines[lines.length - 1] };
}

function caseFile(name: string, content: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

const ns = (name: string) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name } });
const pod = (namespace: string, name: string, ip: string, labels: Record<string, string>) => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace, labels },
  spec: { containers: [{ name: "main", image: "nginx:1.27", ports: [{ containerPort: 80 }] }] },
  status: { phase: "Running", podIP: ip, podIPs: [{ ip }], conditions: [{ type: "Ready", status: "True" }] },
});

/** One query per type, each stating a rule no Kubernetes version disputes. */
const ONE_OF_EACH = [
  {
    id: "tiny-connect",
    source: "kubernetes/website network-policies.md — \"default deny all ingress\"",
    manifests: [
      ns("x"),
      pod("x", "a", "10.244.1.200", { pod: "a" }),
      pod("x", "b", "10.244.2.200", { pod: "b" }),
      { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "deny", namespace: "x" }, spec: { podSelector: {}, policyTypes: ["Ingress"] } },
    ],
    queries: [{ type: "connect", from: { pod: "x/b" }, to: { pod: "x/a" }, port: 80, expect: "deny" }],
  },
  {
    id: "tiny-ingress",
    source: "kubernetes/website ingress.md — \"An Ingress with no rules sends all traffic to a single default backend\"",
    manifests: [
      ns("x"),
      { apiVersion: "v1", kind: "Service", metadata: { name: "web", namespace: "x" }, spec: { selector: { pod: "a" }, ports: [{ port: 80 }] } },
      { apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: { name: "web", namespace: "x" }, spec: { defaultBackend: { service: { name: "web", port: { number: 80 } } } } },
    ],
    queries: [{ type: "ingress", host: "example.com", path: "/", expect: { service: "x/web", port: 80 } }],
  },
  {
    id: "tiny-endpoints",
    source: "kubernetes/kubernetes pkg/controller/endpoint/endpoints_controller.go — \"addEndpointSubset\"",
    manifests: [ns("x"), pod("x", "a", "10.244.1.201", { app: "web" }), { apiVersion: "v1", kind: "Service", metadata: { name: "web", namespace: "x" }, spec: { selector: { app: "web" }, ports: [{ port: 80 }] } }],
    queries: [{ type: "endpoints", service: "x/web", expect: [{ ip: "10.244.1.201", port: 80 }] }],
  },
  {
    id: "tiny-dns",
    source: "kubernetes/dns docs/specification.md — \"<service>.<ns>.svc.<zone>. <ttl> IN A <cluster-ip>\"",
    manifests: [ns("x"), { apiVersion: "v1", kind: "Service", metadata: { name: "web", namespace: "x" }, spec: { clusterIP: "10.96.50.50", selector: { app: "web" }, ports: [{ port: 80 }] } }],
    queries: [{ type: "dns", fromNamespace: "x", name: "web.x.svc.cluster.local", expect: ["10.96.50.50"] }],
  },
  {
    id: "tiny-validate",
    source: "kubernetes/kubernetes pkg/apis/core/validation/validation.go — \"must be between 1 and 65535, inclusive\"",
    manifests: [],
    queries: [{ type: "validate", object: { apiVersion: "v1", kind: "Service", metadata: { name: "web" }, spec: { ports: [{ port: 0 }] } }, expect: "invalid", field: "spec.ports[0].port" }],
  },
];

describe("npm run conformance", { timeout: 120_000 }, () => {
  test("without files it prints usage and exits 2", () => {
    const out = runScript();
    expect(out.status).toBe(2);
    expect(out.stderr).toContain("usage: npm run conformance");
  });

  test("an unreadable file is one failure naming the path", () => {
    const missing = path.join(dir, "missing.json");
    const out = runScript(missing);
    expect(out.status).toBe(1);
    expect(out.lines[0]).toMatch(new RegExp(`^FAIL ${missing.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} #- file: expected a readable file, got ENOENT`));
    expect(out.last).toBe("conformance: 0 passed, 1 failed");
  });

  test("invalid JSON is one failure naming the path", () => {
    const file = caseFile("broken.json", "[{ not json");
    const out = runScript(file);
    expect(out.status).toBe(1);
    expect(out.lines[0]).toContain(`FAIL ${file} #- file: expected valid JSON, got`);
    expect(out.last).toBe("conformance: 0 passed, 1 failed");
  });

  test("an unknown query type fails, and the other files still run", () => {
    const unknown = caseFile("unknown.json", [{ id: "future", manifests: [], queries: [{ type: "traceroute", to: "x/a" }] }]);
    const good = caseFile("good-dns.json", [ONE_OF_EACH[3]]);
    const out = runScript(unknown, good);
    expect(out.status).toBe(1);
    expect(out.lines[0]).toBe('FAIL future #0 traceroute: expected a valid query, got unknown query type "traceroute"');
    expect(out.last).toBe("conformance: 1 passed, 1 failed");
  });

  test("a file whose every query passes exits 0; --verbose lists the passes", () => {
    const file = caseFile("one-of-each.json", ONE_OF_EACH);
    const quiet = runScript(file);
    expect(quiet.stdout.trim()).toBe("conformance: 5 passed, 0 failed");
    expect(quiet.status).toBe(0);
    const verbose = runScript("--verbose", file);
    expect(verbose.lines.filter((l) => l.startsWith("PASS "))).toHaveLength(5);
    expect(verbose.status).toBe(0);
  });

  test("a wrong expectation prints the FAIL line and exits 1", () => {
    const wrong = structuredClone(ONE_OF_EACH[0]);
    wrong.queries[0].expect = "allow";
    const out = runScript(caseFile("wrong.json", [wrong]));
    expect(out.lines[0]).toBe("FAIL tiny-connect #0 connect x/b -> x/a TCP/80: expected allow, got deny");
    expect(out.last).toBe("conformance: 0 passed, 1 failed");
    expect(out.status).toBe(1);
  });
});
