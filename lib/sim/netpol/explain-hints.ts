import type { ClusterState } from "../cluster-state";
import type { TraceHop } from "../network/trace";
import type { Namespace, Pod } from "../objects/kinds";
import { matchMapSelector } from "../selectors/label-selector";
import { memoOf, memoSlot } from "../state-memo";
import { listPolicyModels, type PolicyModel, type RuleModel } from "./build-policy";
import type { TrafficEvaluation } from "./is-traffic-allowed";
import { buildPodPeer, namespaceLabelsOf } from "./policy-peer";
import { resolveNamedPort } from "./port-matcher";
import { isPeerSelectedByTarget } from "./target";

/** DNS is served on port 53 over UDP and TCP (kubernetes/dns docs/specification.md, the kube-dns Service). */
const DNS_PORT = 53;

/**
 * The most common default-deny mistake: egress is denied, so name lookups to kube-dns time out and every
 * connection by name fails before it starts.
 */
export function explainDnsEgress(evaluation: TrafficEvaluation): TraceHop | undefined {
  const { egress, traffic } = evaluation;
  if (egress.allowed || traffic.port !== DNS_PORT || traffic.protocol === "SCTP") return undefined;
  return {
    kind: "policy",
    outcome: "fail",
    summary: `egress to DNS (${traffic.protocol} ${DNS_PORT}) is denied: once a policy isolates a pod for egress, it also needs an egress rule to kube-dns (pods with k8s-app=kube-dns in namespace kube-system) on UDP and TCP port 53, or every name lookup fails`,
    object: egress.policies[0]?.model.ref,
  };
}

/**
 * Policy ports are the pod's ports: a connection to a Service arrives at the pod on the Service's targetPort,
 * so a rule written with the Service's `port` does not match (the NetworkPolicy API reference: "port ... on the
 * given protocol" of the selected pods; Services translate before policy, see Traffic in network/trace.ts).
 */
export function explainServicePort(state: ClusterState, evaluation: TrafficEvaluation, rule: RuleModel): string | undefined {
  const destination = evaluation.destination;
  if (destination.kind !== "pod" || rule.ports.kind === "all") return undefined;
  const numbers = new Set(rule.ports.items.flatMap((i) => (i.kind === "number" ? [i.port] : [])));
  for (const service of state.list("Service", destination.namespace)) {
    const selector = service.spec?.selector;
    if (!selector || Object.keys(selector).length === 0 || !matchMapSelector(selector, destination.labels)) continue;
    for (const port of service.spec?.ports ?? []) {
      const target = port.targetPort ?? port.port;
      const resolved = typeof target === "string" ? resolveNamedPort(destination.pod, target, port.protocol ?? "TCP") : target;
      if (numbers.has(port.port) && resolved === evaluation.traffic.port && port.port !== resolved) {
        return `${port.port} is the port of Service ${service.metadata.name}; NetworkPolicy sees the pod's port ${resolved}, the Service's targetPort`;
      }
    }
  }
  return undefined;
}

/** Policies in a namespace whose spec.podSelector selects no pod there: a typo'd label isolates nothing. */
export function findUnselectingPolicies(state: ClusterState, namespace: string): readonly PolicyModel[] {
  const namespaceObject = state.get("Namespace", namespace);
  const podListing = state.list("Pod", namespace);
  const models = listPolicyModels(state, namespace);
  const cache = memoOf(state, UNSELECTING);
  const cached = cache.get(namespace);
  if (cached && cached.podListing === podListing && cached.models === models && cached.namespaceObject === namespaceObject) return cached.policies;
  const labels = namespaceLabelsOf(namespace, namespaceObject);
  const pods = podListing.map((p) => buildPodPeer(p, labels));
  const policies = models.filter((model) => !pods.some((peer) => isPeerSelectedByTarget(model.target, peer)));
  cache.set(namespace, { podListing, models, namespaceObject, policies });
  return policies;
}

/**
 * The answer depends only on the namespace's pods, policies and Namespace object, all immutable snapshots
 * until the next write to their kind; every explained connection asks it for both ends. Kept by the state,
 * per namespace (state-memo.ts).
 */
const UNSELECTING = memoSlot(
  () => new Map<string, { podListing: readonly Pod[]; models: readonly PolicyModel[]; namespaceObject: Namespace | undefined; policies: readonly PolicyModel[] }>(),
);

/**
 * Where the CNI does not enforce NetworkPolicy the data plane allows everything; the hop still says what the
 * policies would have decided, because that difference is the lesson.
 */
export function explainEnforcement(evaluation: TrafficEvaluation): TraceHop | undefined {
  const { enforcement } = evaluation;
  if (enforcement.enforced) return undefined;
  const cni = enforcement.profile.name === "aws-vpc-cni"
    ? `${enforcement.profile.displayName} does not enforce NetworkPolicy unless its network policy agent is enabled (ENABLE_NETWORK_POLICY)`
    : `${enforcement.profile.displayName} does not enforce NetworkPolicy`;
  const deniers = [evaluation.egress, evaluation.ingress]
    .filter((d) => !d.allowed)
    .flatMap((d) => d.policies.map((p) => p.model.ref));
  if (deniers.length === 0) return { kind: "cni", outcome: "info", summary: `${cni}; the policies would have allowed this traffic anyway` };
  const names = deniers.map((r) => `${r.namespace}/${r.name}`);
  return {
    kind: "cni",
    outcome: "info",
    summary: `${cni}: ${names.length === 1 ? "policy" : "policies"} ${names.join(", ")} would have denied this`,
    object: deniers[0],
  };
}
