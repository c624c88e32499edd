import type { ManifestObject } from "@/lib/sim/objects/meta";

/**
 * The objects `kubectl create <kind>` generators send, field for field as kubectl v1.32 builds them
 * (k8s.io/kubectl pkg/cmd/create/create_deployment.go, create_service.go, create_ingress.go, create_namespace.go;
 * pinned against `kubectl create … --dry-run=client -o yaml`).
 */

/** create_deployment.go buildPodSpec: the container is named after the image's last path element, tag dropped. */
export function containerNameForImage(image: string): string {
  const last = image.split("/").pop() ?? image;
  return last.split(/[:@]/)[0].toLowerCase().replace(/[^a-z0-9-]/g, "-");
}

export function buildNamespace(name: string): ManifestObject {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name } };
}

export function buildDeployment(name: string, images: readonly string[], replicas: number, port: number | undefined): ManifestObject {
  const labels = { app: name };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: images.map((image) => ({ name: containerNameForImage(image), image, ...(port !== undefined ? { ports: [{ containerPort: port }] } : {}) })),
        },
      },
    },
  };
}

export type ServiceFlavour = "clusterip" | "nodeport" | "loadbalancer" | "externalname";

const SERVICE_TYPES: Record<ServiceFlavour, string> = { clusterip: "ClusterIP", nodeport: "NodePort", loadbalancer: "LoadBalancer", externalname: "ExternalName" };

/** create_service.go: `--tcp=port[:targetPort]`, each port named `port-targetPort`, selector app=NAME. */
export function buildService(name: string, flavour: ServiceFlavour, tcp: readonly string[], options: { nodePort?: number; externalName?: string; clusterIP?: string }): ManifestObject | { error: string } {
  const ports: Record<string, unknown>[] = [];
  for (const spec of tcp.flatMap((t) => t.split(","))) {
    const [portText, targetText] = spec.split(":");
    const port = Number(portText);
    if (!Number.isInteger(port)) return { error: `error: strconv.Atoi: parsing "${portText}": invalid syntax` };
    const target = targetText === undefined ? port : /^\d+$/.test(targetText) ? Number(targetText) : targetText;
    ports.push({ name: `${port}-${target}`, port, protocol: "TCP", targetPort: target, ...(options.nodePort !== undefined && flavour === "nodeport" ? { nodePort: options.nodePort } : {}) });
  }
  if (flavour !== "externalname" && ports.length === 0 && options.clusterIP !== "None") return { error: "error: at least one tcp port specifier must be provided" };
  const spec: Record<string, unknown> = { type: SERVICE_TYPES[flavour] };
  if (flavour === "externalname") spec.externalName = options.externalName;
  else {
    spec.ports = ports;
    spec.selector = { app: name };
  }
  if (options.clusterIP) spec.clusterIP = options.clusterIP;
  return { apiVersion: "v1", kind: "Service", metadata: { name, labels: { app: name } }, spec };
}

/**
 * create_ingress.go: `--rule=host/path=service:port[,tls[=secret]]`; a path ending in `*` is Prefix (the `*`
 * dropped), any other Exact; a numeric port is `number`, a name `name`.
 */
export function buildIngress(name: string, rules: readonly string[], className: string | undefined, defaultBackend: string | undefined): ManifestObject | { error: string } {
  const byHost = new Map<string, Record<string, unknown>[]>();
  const tls: { hosts: string[]; secretName?: string }[] = [];
  for (const rule of rules) {
    const match = /^([^/=]*)(\/[^=]*)?=([^:,]+):([^,]+)(?:,tls(?:=(.*))?)?$/.exec(rule);
    if (!match) return { error: `error: rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]` };
    const [, host, rawPath, service, port] = match;
    const prefix = rawPath?.endsWith("*");
    const path = rawPath ? rawPath.replace(/\*$/, "") : "/";
    const paths = byHost.get(host) ?? [];
    paths.push({ backend: { service: { name: service, port: /^\d+$/.test(port) ? { number: Number(port) } : { name: port } } }, path, pathType: prefix ? "Prefix" : "Exact" });
    byHost.set(host, paths);
    if (rule.includes(",tls")) tls.push({ hosts: host ? [host] : [], ...(match[5] ? { secretName: match[5] } : {}) });
  }
  const spec: Record<string, unknown> = {};
  if (className) spec.ingressClassName = className;
  if (defaultBackend) {
    const [service, port] = defaultBackend.split(":");
    spec.defaultBackend = { service: { name: service, port: /^\d+$/.test(port ?? "") ? { number: Number(port) } : { name: port } } };
  }
  if (byHost.size > 0) spec.rules = [...byHost].map(([host, paths]) => ({ ...(host ? { host } : {}), http: { paths } }));
  if (tls.length > 0) spec.tls = tls;
  return { apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: { name }, spec };
}

/** What `--dry-run=client -o yaml` shows that the server would fill: empty status, null creationTimestamp. */
export function decorateDryRun(object: ManifestObject): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(object)) as Record<string, unknown> & { metadata: Record<string, unknown>; spec?: Record<string, unknown> };
  copy.metadata = { creationTimestamp: null, ...copy.metadata };
  if (object.kind === "Deployment") {
    const spec = copy.spec as { strategy?: unknown; template: { metadata: Record<string, unknown>; spec: { containers: Record<string, unknown>[] } } };
    spec.strategy = {};
    spec.template.metadata = { creationTimestamp: null, ...spec.template.metadata };
    for (const c of spec.template.spec.containers) c.resources = {};
    copy.status = {};
  } else if (object.kind === "Pod") {
    const spec = copy.spec as { containers: Record<string, unknown>[] };
    for (const c of spec.containers) c.resources = {};
    copy.status = {};
  } else if (object.kind === "Service" || object.kind === "Ingress") copy.status = { loadBalancer: {} };
  else copy.status = {};
  if (object.kind === "Namespace") copy.spec = {};
  return copy;
}
