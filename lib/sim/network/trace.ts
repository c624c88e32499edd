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
