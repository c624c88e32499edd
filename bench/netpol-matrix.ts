import { DEFAULT_CLUSTER_CONFIG } from "../lib/sim/config";
import type { ClusterState } from "../lib/sim/cluster-state";
import type { AnyObject, Kind, KindMap } from "../lib/sim/objects/kinds";
import { connectivityMatrix } from "../lib/sim/network/connectivity-matrix";
import { summarize, type BenchRow } from "./bench-row";

/**
 * The connectivity matrix on synthetic clusters of 250, 500 and 1,000 pods spread over 50 namespaces with 200
 * NetworkPolicies (four per namespace: default-deny ingress, a same-namespace podSelector allow on a named port,
 * a namespaceSelector AND podSelector allow, and an egress policy with DNS and ipBlock/except rules). The target
 * is 1,000 pods under one second and 200 MB of heap. Peak heap is the heap in use right after a run, collected
 * before it when --expose-gc is on, so it counts the run's live data and its garbage.
 */
const NAMESPACES = 50;
const SIZES = [250, 500, 1000];
const SAMPLES = 15;

export async function runNetpolMatrixBenchmark(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const pods of SIZES) {
    const state = buildSyntheticCluster(pods);
    connectivityMatrix(state, { port: 8080 });
    const times: number[] = [];
    let peakHeap = 0;
    let allowed = 0;
    for (let i = 0; i < SAMPLES; i++) {
      collectGarbage();
      const start = performance.now();
      const matrix = connectivityMatrix(state, { port: 8080 });
      times.push(performance.now() - start);
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      allowed = matrix.cells.reduce((n, c) => n + (c & 4 ? 1 : 0), 0);
    }
    rows.push({
      name: `netpol connectivity matrix, ${pods} pods / ${NAMESPACES} ns / ${NAMESPACES * 4} policies`,
      samples: SAMPLES,
      ...summarize(times),
      extra: { peakHeapMB: (peakHeap / 2 ** 20).toFixed(1), pairs: pods * pods, allowedPairs: allowed, gc: hasGc() ? "exposed" : "not exposed" },
    });
  }
  return rows;
}

function hasGc(): boolean {
  return typeof (globalThis as { gc?: unknown }).gc === "function";
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

type Obj = { kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> }; [k: string]: unknown };

export function buildSyntheticCluster(podCount: number): ClusterState {
  const objects: Obj[] = [];
  const perNamespace = Math.ceil(podCount / NAMESPACES);
  for (let n = 0; n < NAMESPACES; n++) {
    const ns = `team-${n}`;
    objects.push({ apiVersion: "v1", kind: "Namespace", metadata: { name: ns, labels: { "kubernetes.io/metadata.name": ns, team: `t${n % 5}`, env: n % 2 === 0 ? "prod" : "dev" } } });
    for (let p = 0; p < perNamespace && n * perNamespace + p < podCount; p++) objects.push(syntheticPod(ns, n, p));
    objects.push(...syntheticPolicies(ns, n));
  }
  return indexedState(objects as unknown as AnyObject[]);
}

function syntheticPod(ns: string, n: number, p: number): Obj {
  const worker = (n + p) % 2;
  const ip = `10.${244 + worker}.${n}.${p + 2}`;
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: `pod-${p}`, namespace: ns, labels: { app: ["frontend", "api", "db", "worker", "cache"][p % 5], tier: p % 2 === 0 ? "web" : "backend" } },
    spec: { nodeName: `worker-${worker + 1}`, containers: [{ name: "app", image: "nginx", ports: [{ name: "http", containerPort: 8080 }] }] },
    status: { phase: "Running", podIP: ip, podIPs: [{ ip }], hostIP: `172.18.0.${3 + worker}` },
  };
}

function syntheticPolicies(ns: string, n: number): Obj[] {
  const policy = (name: string, spec: Record<string, unknown>): Obj => ({ apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name, namespace: ns }, spec });
  return [
    policy("default-deny-ingress", { podSelector: {}, policyTypes: ["Ingress"] }),
    policy("frontend-to-api", { podSelector: { matchLabels: { app: "api" } }, policyTypes: ["Ingress"], ingress: [{ from: [{ podSelector: { matchLabels: { app: "frontend" } } }], ports: [{ port: "http" }] }] }),
    policy("team-to-db", {
      podSelector: { matchLabels: { app: "db" } },
      policyTypes: ["Ingress"],
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: `t${n % 5}` } }, podSelector: { matchExpressions: [{ key: "tier", operator: "In", values: ["backend"] }] } }], ports: [{ port: 8000, endPort: 8100, protocol: "TCP" }] }],
    }),
    policy("egress-dns-and-internal", {
      podSelector: { matchLabels: { tier: "web" } },
      policyTypes: ["Egress"],
      egress: [
        { to: [{ namespaceSelector: {}, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }], ports: [{ port: 53, protocol: "UDP" }, { port: 53, protocol: "TCP" }] },
        { to: [{ ipBlock: { cidr: "10.244.0.0/16", except: [`10.244.${n}.0/24`] } }, { namespaceSelector: { matchLabels: { env: "prod" } } }] },
      ],
    }),
  ];
}

/** A ClusterState over fixed objects with lists indexed once, so the benchmark times the matrix, not the fixture. */
function indexedState(objects: AnyObject[]): ClusterState {
  const config = { ...DEFAULT_CLUSTER_CONFIG };
  const byKind = new Map<string, AnyObject[]>();
  const byKindNs = new Map<string, AnyObject[]>();
  for (const o of objects) {
    byKind.set(o.kind as string, [...(byKind.get(o.kind as string) ?? []), o]);
    const key = `${o.kind}/${o.metadata.namespace ?? ""}`;
    byKindNs.set(key, [...(byKindNs.get(key) ?? []), o]);
  }
  return {
    config,
    now: () => new Date(config.startTime),
    get<K extends Kind>(kind: K, name: string, namespace?: string) {
      return (byKindNs.get(`${kind}/${namespace ?? ""}`) ?? []).find((o) => o.metadata.name === name) as KindMap[K] | undefined;
    },
    list<K extends Kind>(kind: K, namespace?: string) {
      return (namespace === undefined ? byKind.get(kind) : byKindNs.get(`${kind}/${namespace}`)) ?? ([] as unknown as KindMap[K][]);
    },
    sourceOf: () => undefined,
  } as ClusterState;
}

if (process.argv[1]?.endsWith("netpol-matrix.ts")) {
  runNetpolMatrixBenchmark().then((rows) => {
    for (const r of rows) {
      const extra = Object.entries(r.extra ?? {}).map(([k, v]) => `${k}=${v}`).join(" ");
      console.log(`${r.name}: median ${r.medianMs.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, ${extra}`);
    }
  });
}
