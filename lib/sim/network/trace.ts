import type { ObjectRef } from "../objects/meta";
import type { SourcePosition } from "../source";

/**
 * One step a packet or request took, and what decided it. A trace reads like the path a learner would
 * reconstruct with kubectl on a real cluster: DNS → Service VIP → endpoint → node → policy → container port.
 */
export type HopKind =
  | "dns"
  | "service"
  | "endpoint"
  | "node"
  | "ingress"
  | "policy"
  | "container"
  | "cni";

export interface TraceHop {
  kind: HopKind;
  /** Whether this step let the traffic continue. */
  outcome: "pass" | "fail" | "info";
  /** One sentence a learner can act on. */
  summary: string;
  /** The object that decided this step (the Service, the NetworkPolicy, the Ingress...). */
  object?: ObjectRef;
  /** Which rule of that object decided it (`ingress rule 0`, `rules[0].http.paths[1]`). */
  rule?: string;
  /** Field path inside the object that decided it, for pointing at YAML. */
  field?: string;
  /** Line and column of that field in the learner's YAML, when the object came from it. */
  position?: SourcePosition;
}

/** How a connection attempt ended, in the terms curl and nc would report it. */
export type ConnectOutcome =
  | "connected"
  | "refused" // RST: no endpoints, or nothing listening on the port
  | "timeout" // dropped by NetworkPolicy, or an unroutable address
  | "dns-failure"; // the name did not resolve

export type Protocol = "TCP" | "UDP" | "SCTP";

/**
 * One end of a flow. A pod is inside the pod network; a node is a host (its agents and host-network pods,
 * which may reach every pod on that node — the networking model's third rule); external is a client outside
 * the cluster (the learner's workstation, the internet) or a destination outside it.
 */
export type TrafficPeer =
  | { kind: "pod"; pod: import("../objects/kinds").Pod }
  | { kind: "node"; node: import("../objects/kinds").Node; ip: string }
  | { kind: "external"; ip: string };

/** A new connection as NetworkPolicy sees it: after Service translation, between real addresses. */
export interface Traffic {
  source: TrafficPeer;
  destination: TrafficPeer;
  port: number;
  protocol: Protocol;
}

/** Which policy rule let traffic through. `rule` indexes spec.ingress or spec.egress. */
export interface RuleRef {
  policy: ObjectRef;
  direction: "ingress" | "egress";
  rule: number;
}

/**
 * The verdict for one direction, shaped after cyclonus' DirectionResult: not a boolean but the policies that
 * selected the pod and the rules that allowed the traffic, so every answer can explain itself.
 */
export interface DirectionVerdict {
  direction: "ingress" | "egress";
  /** True when at least one policy selects the pod for this direction (the pod is isolated). */
  isolated: boolean;
  allowed: boolean;
  /** Policies whose podSelector selects the pod and whose policyTypes include this direction. */
  selectingPolicies: ObjectRef[];
  allowedBy: RuleRef[];
}

export interface PolicyVerdict {
  /** What the data plane does: false only if the CNI enforces policy and a direction denies. */
  allowed: boolean;
  /** Whether the CNI enforces NetworkPolicy at all (Flannel does not). */
  enforced: boolean;
  /** What the policies say, independent of enforcement. */
  ingress: DirectionVerdict;
  egress: DirectionVerdict;
  /** Explanations, one per deciding step, pointing at policies, rules and YAML lines. */
  hops: TraceHop[];
}
