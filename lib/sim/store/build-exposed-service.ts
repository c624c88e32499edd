import type { IContainer } from "kubernetes-models/v1/Container";
import type { AnyObject, Deployment, Pod, ReplicaSet, Service } from "../objects/kinds";
import type { ManifestObject } from "../objects/meta";
import { err, ok, type Result } from "../result";

export interface ExposeOptions {
  /** --port: one port or a comma-separated list; from the object's ports when absent. */
  port?: number | string;
  /** --target-port: a number or a container port name; the same as port when absent. */
  targetPort?: number | string;
  /** --type */
  type?: "ClusterIP" | "NodePort" | "LoadBalancer" | "ExternalName";
  /** --name: the Service's name; the exposed object's name when absent. */
  name?: string;
  /** --protocol */
  protocol?: "TCP" | "UDP" | "SCTP";
  /** --selector: `app=web,tier=frontend`; from the object when absent. */
  selector?: string;
  /** --labels: `k=v,…`; the exposed object's labels when absent. */
  labels?: string;
  /** --cluster-ip ("None" for headless). */
  clusterIP?: string;
  /** --load-balancer-ip */
  loadBalancerIP?: string;
  /** --external-ip */
  externalIP?: string;
  /** --session-affinity */
  sessionAffinity?: "None" | "ClientIP";
}

function parseMap(text: string): Result<Record<string, string>, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(",").filter((p) => p.length > 0)) {
    const index = part.indexOf("=");
    if (index <= 0) return err(`invalid label spec: ${part}`);
    out[part.slice(0, index)] = part.slice(index + 1);
  }
  return ok(out);
}

function containersOf(object: AnyObject): IContainer[] {
  if (object.kind === "Pod") return (object as Pod).spec?.containers ?? [];
  return (object as Deployment | ReplicaSet).spec?.template?.spec?.containers ?? [];
}

/**
 * The selector kubectl derives from the exposed object (k8s.io/kubectl pkg/polymorphichelpers
 * mapbasedselectorforobject.go): a Pod's labels, a Service's selector, a Deployment's or ReplicaSet's
 * matchLabels (matchExpressions cannot become a Service selector).
 */
function selectorFor(object: AnyObject): Result<Record<string, string>, string> {
  switch (object.kind) {
    case "Pod": {
      const labels = object.metadata.labels ?? {};
      return Object.keys(labels).length > 0 ? ok({ ...labels }) : err("the pod has no labels and cannot be exposed");
    }
    case "Service": {
      const selector = (object as Service).spec?.selector;
      return selector && Object.keys(selector).length > 0 ? ok({ ...selector }) : err("the service has no pod selector set");
    }
    case "Deployment":
    case "ReplicaSet": {
      const selector = (object as Deployment).spec?.selector;
      if (!selector || (selector.matchExpressions?.length ?? 0) > 0) {
        return err(`couldn't convert expressions - "${JSON.stringify(selector?.matchExpressions ?? [])}" to map-based selector format`);
      }
      return ok({ ...(selector.matchLabels ?? {}) });
    }
    default:
      return err(`cannot extract pod selector from ${object.kind}`);
  }
}

/** Ports and their protocols from the object (polymorphichelpers portsforobject.go, protocolsforobject.go). */
function portsFor(object: AnyObject): { port: number; protocol: string }[] {
  if (object.kind === "Service") return ((object as Service).spec?.ports ?? []).map((p) => ({ port: p.port, protocol: p.protocol ?? "TCP" }));
  return containersOf(object).flatMap((c) => (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol ?? "TCP" })));
}

/**
 * The Service `kubectl expose` sends (k8s.io/kubectl pkg/cmd/expose/expose.go createService): named after
 * the object, labelled with its labels, selecting what it selects; one port per --port value (from the
 * object's ports when absent; several ports are named port-1, port-2…), targetPort = --target-port or the
 * port itself, protocol from --protocol or the object's port. Errors are kubectl's own wording.
 */
export function buildExposedService(object: AnyObject, options: ExposeOptions = {}): Result<ManifestObject, string> {
  if (!["Pod", "Service", "Deployment", "ReplicaSet"].includes(object.kind as string)) return err(`cannot expose a ${object.kind}`);
  const selector = options.selector !== undefined ? parseMap(options.selector) : selectorFor(object);
  if (!selector.ok) return err(`couldn't retrieve selectors via --selector flag or introspection: ${selector.error}`);
  const known = portsFor(object);
  const protocols = new Map(known.map((p) => [String(p.port), p.protocol]));
  const portText = options.port !== undefined ? String(options.port) : known.map((p) => String(p.port)).join(",");
  const headless = options.clusterIP === "None";
  if (portText.length === 0 && !headless) return err("couldn't find port via --port flag or introspection");
  const portStrings = portText.length > 0 ? portText.split(",") : [];
  const ports = [];
  for (let i = 0; i < portStrings.length; i++) {
    const port = Number(portStrings[i]);
    if (!Number.isInteger(port)) return err(`strconv.Atoi: parsing "${portStrings[i]}": invalid syntax`);
    const targetPort = options.targetPort === undefined ? port : /^[0-9]+$/.test(String(options.targetPort)) ? Number(options.targetPort) : String(options.targetPort);
    ports.push({
      ...(portStrings.length > 1 ? { name: `port-${i + 1}` } : {}),
      port,
      protocol: options.protocol ?? protocols.get(portStrings[i]) ?? "TCP",
      targetPort,
    });
  }
  const labels = options.labels !== undefined ? parseMap(options.labels) : ok({ ...(object.metadata.labels ?? {}) });
  if (!labels.ok) return err(labels.error);
  return ok({
    apiVersion: "v1",
    kind: "Service",
    metadata: {
      name: options.name ?? object.metadata.name,
      namespace: object.metadata.namespace,
      ...(Object.keys(labels.value).length > 0 ? { labels: labels.value } : {}),
    },
    spec: {
      ports,
      selector: selector.value,
      ...(options.type ? { type: options.type } : {}),
      ...(options.type === "LoadBalancer" && options.loadBalancerIP ? { loadBalancerIP: options.loadBalancerIP } : {}),
      ...(options.externalIP ? { externalIPs: [options.externalIP] } : {}),
      ...(options.sessionAffinity ? { sessionAffinity: options.sessionAffinity } : {}),
      ...(options.clusterIP ? { clusterIP: options.clusterIP } : {}),
    },
  });
}
