import type { Protocol } from "../network/trace";
import { rulesOf, type Direction, type PolicyModel, type RuleModel } from "./build-policy";
import { matchPeer } from "./peer-matcher";
import type { PolicyPeer } from "./policy-peer";
import { matchPortMatcher, type PortQuery } from "./port-matcher";
import { isPeerSelectedByTarget } from "./target";

/** How one rule fared against the traffic: the matching peer / port entry index, "all", or -1 for no match. */
export interface RuleEvaluation {
  rule: RuleModel;
  peer: number | "all";
  port: number | "all";
  allowed: boolean;
}

export interface PolicyEvaluation {
  model: PolicyModel;
  rules: RuleEvaluation[];
  allowed: boolean;
}

/**
 * Why a direction is allowed whatever the policies say:
 * - `same-pod`: "a pod cannot block access to itself" (https://kubernetes.io/docs/concepts/services-networking/network-policies/);
 * - `same-node`: "traffic to and from the node where a Pod is running is always allowed, regardless of the IP
 *   address of the Pod or the node" (same page), which keeps kubelet probes working (the networking model's
 *   rule that node agents reach every pod on their node);
 * - `not-a-pod`: the side this direction protects is not a pod-network pod, so no policy can select it.
 */
export type Exemption = "same-pod" | "same-node" | "not-a-pod";

export interface DirectionEvaluation {
  direction: Direction;
  /** The side whose policies decide: the source for egress, the destination for ingress. */
  subject: PolicyPeer;
  /** The other side, which the rules' peers must admit. */
  other: PolicyPeer;
  exemption?: Exemption;
  isolated: boolean;
  allowed: boolean;
  /** Policies selecting the subject whose policyTypes include this direction. */
  policies: PolicyEvaluation[];
  /** Policies selecting the subject for the other direction only (the omitted-policyTypes trap). */
  otherDirectionOnly: PolicyModel[];
}

export interface DirectionQuery {
  port: number;
  protocol: Protocol;
  supportsEndPort: boolean;
}

/**
 * The three steps of cyclonus' IsIngressOrEgressAllowed (pkg/matcher/policy.go), as the API reference states
 * them for ingress: "Traffic is allowed to a pod if there are no NetworkPolicies selecting the pod ..., OR if
 * the traffic source is the pod's local node, OR if the traffic matches at least one ingress rule across all of
 * the NetworkPolicy objects whose podSelector matches the pod" (staging/src/k8s.io/api/networking/v1/types.go).
 * `policies` are the NetworkPolicies of the subject's namespace.
 */
export function evaluateDirection(
  direction: Direction,
  subject: PolicyPeer,
  other: PolicyPeer,
  policies: readonly PolicyModel[],
  query: DirectionQuery,
): DirectionEvaluation {
  const selecting = policies.filter((p) => isPeerSelectedByTarget(p.target, subject));
  const applying = selecting.filter((p) => p.policyTypes[direction]);
  const destination = direction === "ingress" ? subject : other;
  // A literal rather than `{ ...query, destination }`: spread copies that gain keys outlive scavenges (docs/performance.md).
  const portQuery: PortQuery = { port: query.port, protocol: query.protocol, supportsEndPort: query.supportsEndPort, destination: destination.kind === "pod" ? destination.pod : undefined };
  const evaluations = applying.map((model) => {
    const rules = rulesOf(model, direction).map((rule) => {
      const peer = matchPeer(rule.peers, other);
      const port = matchPortMatcher(rule.ports, portQuery);
      return { rule, peer, port, allowed: peer !== -1 && port !== -1 };
    });
    return { model, rules, allowed: rules.some((r) => r.allowed) };
  });
  const exemption = findExemption(subject, other);
  const isolated = evaluations.length > 0;
  return {
    direction,
    subject,
    other,
    exemption,
    isolated,
    allowed: exemption !== undefined || !isolated || evaluations.some((e) => e.allowed),
    policies: evaluations,
    otherDirectionOnly: selecting.filter((p) => !p.policyTypes[direction]),
  };
}

function findExemption(subject: PolicyPeer, other: PolicyPeer): Exemption | undefined {
  if (subject.kind !== "pod") return "not-a-pod";
  if (other.kind === "pod" && other.namespace === subject.namespace && other.pod.metadata.name === subject.pod.metadata.name) return "same-pod";
  if (other.kind === "host" && other.nodeName !== undefined && other.nodeName === subject.nodeName) return "same-node";
  return undefined;
}
