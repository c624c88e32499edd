import type { ClusterState } from "../cluster-state";
import type { DirectionVerdict, PolicyVerdict, RuleRef, Traffic } from "../network/trace";
import { listPolicyModels, type Direction, type PolicyModel } from "./build-policy";
import { resolveEnforcement, type Enforcement } from "./enforcement";
import { evaluateDirection, type DirectionEvaluation } from "./evaluate-direction";
import { explainTraffic } from "./explain";
import { resolvePolicyPeer, type PolicyPeer } from "./policy-peer";

export interface TrafficEvaluation {
  traffic: Traffic;
  source: PolicyPeer;
  destination: PolicyPeer;
  egress: DirectionEvaluation;
  ingress: DirectionEvaluation;
  enforcement: Enforcement;
  /** What the policies decide, whether or not the CNI enforces them. */
  policyAllowed: boolean;
}

/**
 * Would a policy-enforcing CNI let this new connection through?
 *
 * "For a connection from a source pod to a destination pod to be allowed, both the egress policy on the source
 * pod and the ingress policy on the destination pod need to allow the connection. If either side does not allow
 * the connection, it will not happen." Policies are additive: the union of the rules of every policy that selects
 * the pod (https://kubernetes.io/docs/concepts/services-networking/network-policies/#the-two-sorts-of-pod-isolation).
 *
 * Traffic is a connection as its initiator opens it, after Service translation (DNAT to the endpoint's pod IP
 * and targetPort). Replies on an allowed connection are always allowed: enforcing plugins filter new connections
 * and let conntrack-established flows back (the docs' "allowed connections"; e2e "should enforce policies to check
 * ingress and egress policies can be controlled independently"), so callers never evaluate a reply separately.
 */
export function isTrafficAllowed(state: ClusterState, traffic: Traffic): PolicyVerdict {
  const evaluation = evaluateTraffic(state, traffic);
  return {
    allowed: !evaluation.enforcement.enforced || evaluation.policyAllowed,
    enforced: evaluation.enforcement.enforced,
    ingress: toDirectionVerdict(evaluation.ingress),
    egress: toDirectionVerdict(evaluation.egress),
    hops: explainTraffic(state, evaluation),
  };
}

export function evaluateTraffic(state: ClusterState, traffic: Traffic): TrafficEvaluation {
  const enforcement = resolveEnforcement(state.config);
  const source = resolvePolicyPeer(state, traffic.source);
  const destination = resolvePolicyPeer(state, traffic.destination);
  const query = { port: traffic.port, protocol: traffic.protocol, supportsEndPort: enforcement.supportsEndPort };
  const egress = evaluateDirection("egress", source, destination, policiesFor(state, source), query);
  const ingress = evaluateDirection("ingress", destination, source, policiesFor(state, destination), query);
  return { traffic, source, destination, egress, ingress, enforcement, policyAllowed: egress.allowed && ingress.allowed };
}

/** NetworkPolicies are namespaced and select only pods of their own namespace. */
function policiesFor(state: ClusterState, peer: PolicyPeer): readonly PolicyModel[] {
  return peer.kind === "pod" ? listPolicyModels(state, peer.namespace) : [];
}

export function toDirectionVerdict(evaluation: DirectionEvaluation): DirectionVerdict {
  const allowedBy: RuleRef[] = evaluation.policies.flatMap((p) =>
    p.rules.filter((r) => r.allowed).map((r) => ({ policy: p.model.ref, direction: evaluation.direction as Direction, rule: r.rule.index })),
  );
  return {
    direction: evaluation.direction,
    isolated: evaluation.isolated,
    allowed: evaluation.allowed,
    selectingPolicies: evaluation.policies.map((p) => p.model.ref),
    allowedBy,
  };
}
