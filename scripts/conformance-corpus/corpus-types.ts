/** Plain shapes of the case-file format, for the corpus generators (the runner validates with zod). */
export type Manifest = Record<string, unknown>;
export type Query = Record<string, unknown> & { type: string };

export interface Case {
  id: string;
  source: string;
  description: string;
  cluster?: { cni?: string; networkPolicyEnforcement?: boolean; addons?: string[] };
  manifests: Manifest[];
  queries: Query[];
}

/**
 * A Namespace the case needs. `default` and `kube-system` are never written: the control plane creates them,
 * and a case is loaded into a cluster that already has them.
 */
export function namespace(name: string, labels?: Record<string, string>): Manifest {
  return { apiVersion: "v1", kind: "Namespace", metadata: labels ? { name, labels } : { name } };
}

export interface PodOptions {
  namespace: string;
  name: string;
  labels?: Record<string, string>;
  ip: string;
  ports?: { name?: string; containerPort: number; protocol?: string }[];
  ready?: boolean;
  phase?: string;
  deletionTimestamp?: string;
  hostname?: string;
  subdomain?: string;
  image?: string;
}

/**
 * A Pod as cluster state: scheduled on the worker whose pod CIDR holds its IP (10.244.1.0/24 is worker-1,
 * 10.244.2.0/24 worker-2 in the default cluster), with the status a kubelet would report.
 */
export function pod(o: PodOptions): Manifest {
  const third = Number(o.ip.split(".")[2]);
  const nodeName = third === 2 ? "worker-2" : "worker-1";
  const spec: Record<string, unknown> = {
    nodeName,
    containers: [
      {
        name: "main",
        image: o.image ?? "registry.k8s.io/e2e-test-images/agnhost:2.53",
        ...(o.ports ? { ports: o.ports } : {}),
      },
    ],
  };
  if (o.hostname) spec.hostname = o.hostname;
  if (o.subdomain) spec.subdomain = o.subdomain;
  const metadata: Record<string, unknown> = { name: o.name, namespace: o.namespace };
  if (o.labels) metadata.labels = o.labels;
  if (o.deletionTimestamp) metadata.deletionTimestamp = o.deletionTimestamp;
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata,
    spec,
    status: {
      phase: o.phase ?? "Running",
      podIP: o.ip,
      podIPs: [{ ip: o.ip }],
      conditions: [{ type: "Ready", status: o.ready === false ? "False" : "True" }],
    },
  };
}
