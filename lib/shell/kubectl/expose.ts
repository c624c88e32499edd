import type { ExposeOptions } from "@/lib/sim/store/build-exposed-service";
import { flagValue } from "./kubectl-flags";
import { failWith, formatStatusError, requestNamespace, type KubectlVerb } from "./kubectl-verb";
import { resolveResourceType } from "./resource-types";

const TYPES: Record<string, ExposeOptions["type"]> = { clusterip: "ClusterIP", nodeport: "NodePort", loadbalancer: "LoadBalancer", externalname: "ExternalName" };

/** `kubectl expose deployment web --port=80 --target-port=8080 [--type=NodePort]` → `service/web exposed`. */
export const exposeVerb: KubectlVerb = {
  summary: "Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service.",
  flags: [
    { long: "port" },
    { long: "target-port" },
    { long: "type" },
    { long: "name" },
    { long: "protocol" },
    { long: "selector" },
    { long: "labels", short: "l" },
    { long: "cluster-ip" },
    { long: "external-ip" },
    { long: "load-balancer-ip" },
    { long: "session-affinity" },
    { long: "dry-run" },
  ],
  run(flags, { session: host }) {
    const [first, second] = flags.positionals;
    const [type, name] = first?.includes("/") ? first.split("/") : [first, second];
    if (!type) return failWith("error: You must provide one or more resources by argument or filename.\n");
    const kind = resolveResourceType(type);
    if (!kind) return failWith(`error: the server doesn't have a resource type "${type}"\n`);
    if (!name) return failWith("error: resource(s) were provided, but no name was specified\n");
    const typeText = flagValue(flags, "type");
    const serviceType = typeText === undefined ? undefined : TYPES[typeText.toLowerCase()];
    if (typeText !== undefined && !serviceType) return failWith(`The Service "${flagValue(flags, "name") ?? name}" is invalid: spec.type: Unsupported value: "${typeText}": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n`);
    const result = host.cluster.expose(kind, name, requestNamespace(flags, host), {
      port: flagValue(flags, "port"),
      targetPort: flagValue(flags, "target-port"),
      type: serviceType,
      name: flagValue(flags, "name"),
      protocol: flagValue(flags, "protocol") as ExposeOptions["protocol"],
      selector: flagValue(flags, "selector"),
      labels: flagValue(flags, "labels"),
      clusterIP: flagValue(flags, "cluster-ip"),
      externalIP: flagValue(flags, "external-ip"),
      loadBalancerIP: flagValue(flags, "load-balancer-ip"),
      sessionAffinity: flagValue(flags, "session-affinity") as ExposeOptions["sessionAffinity"],
    });
    if (!result.ok) return failWith(result.error.reason === "BadRequest" ? `error: ${result.error.message}\n` : formatStatusError(result.error));
    return { stdout: `service/${result.value.object.metadata.name} exposed\n`, stderr: "", exitCode: 0 };
  },
};
