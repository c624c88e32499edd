import type { ClusterState } from "../cluster-state";
import { locateObjectField } from "../locate-object-field";
import { formatLabelSelector } from "../selectors/label-selector";
import type { TraceHop } from "../network/trace";
import type { PolicyModel } from "./build-policy";
import type { DirectionEvaluation, PolicyEvaluation, RuleEvaluation } from "./evaluate-direction";
import { explainDnsEgress, explainEnforcement, explainServicePort, findUnselectingPolicies } from "./explain-hints";
import { formatAndOrNote, formatExceptNote, formatPeerFacts, formatPeerItem, formatPeerMatcher, formatPortMatcher } from "./format-rule";
import type { TrafficEvaluation } from "./is-traffic-allowed";
import { formatPolicyPeer } from "./policy-peer";
import { formatPortItem, resolveNamedPort } from "./port-matcher";

/**
 * Renders an evaluation as trace hops: one per deciding step, each naming the policy, the rule index, the field
 * path and its YAML position, in the order a packet meets them (the source's egress, then the destination's
 * ingress, then the CNI). Rendering only: every decision was taken in evaluateTraffic.
 */
export function explainTraffic(state: ClusterState, evaluation: TrafficEvaluation): TraceHop[] {
  if (evaluation.ingress.exemption === "same-pod") {
    return [
      {
        kind: "policy",
        outcome: "pass",
        summary: `${formatPolicyPeer(evaluation.source)} is talking to itself; a pod cannot block traffic to itself, so NetworkPolicy does not apply`,
      },
    ];
  }
  const hops = [...explainDirection(state, evaluation, evaluation.egress), ...explainDirection(state, evaluation, evaluation.ingress)];
  const dns = explainDnsEgress(evaluation);
  if (dns) hops.push(dns);
  const cni = explainEnforcement(evaluation);
  if (!cni) return hops;
  // Without enforcement a denying rule stops nothing: its hop is information, and the CNI hop says so.
  return [...hops.map((h) => (h.outcome === "fail" ? { ...h, outcome: "info" as const } : h)), cni];
}

function explainDirection(state: ClusterState, evaluation: TrafficEvaluation, direction: DirectionEvaluation): TraceHop[] {
  const subject = formatPolicyPeer(direction.subject);
  if (direction.exemption === "not-a-pod") return [{ kind: "policy", outcome: "pass", summary: explainNotAPod(direction, subject) }];
  if (direction.exemption === "same-node") {
    return [
      {
        kind: "policy",
        outcome: "pass",
        summary: `${formatPolicyPeer(direction.other)} is the node ${subject} runs on; traffic between a pod and its own node is always allowed, whatever the policies say (kubelet probes depend on it)`,
      },
    ];
  }
  if (!direction.isolated) return [explainNotIsolated(state, direction, subject)];
  if (direction.allowed) return [explainAllowed(state, direction, subject)];
  return direction.policies.map((policy) => explainDenied(state, evaluation, direction, policy, subject));
}

function explainNotAPod(direction: DirectionEvaluation, subject: string): string {
  const side = direction.direction === "egress" ? "source" : "destination";
  if (direction.subject.kind === "host" && direction.subject.ref) {
    return `the ${side} ${subject} uses the node's network; NetworkPolicy cannot select hostNetwork pods, so no ${direction.direction} policy applies to it`;
  }
  return `the ${side} ${subject} is not a pod, so no NetworkPolicy ${direction.direction} rules apply to it`;
}

function explainNotIsolated(state: ClusterState, direction: DirectionEvaluation, subject: string): TraceHop {
  const word = direction.direction;
  const notes: string[] = direction.otherDirectionOnly.map((p) => {
    const types = [p.policyTypes.ingress ? "Ingress" : "", p.policyTypes.egress ? "Egress" : ""].filter(Boolean).join(", ");
    const why = p.policyTypesDefaulted ? "policyTypes was omitted, so it defaulted to Ingress only (Egress is added only when spec.egress has rules)" : `its policyTypes is [${types}]`;
    return `NetworkPolicy ${refText(p)} selects it, but ${why}`;
  });
  if (direction.subject.kind === "pod") {
    for (const p of findUnselectingPolicies(state, direction.subject.namespace)) {
      notes.push(`NetworkPolicy ${refText(p)} has podSelector ${selectorText(p)}, which matches no pods in ${p.target.namespace}`);
    }
  }
  return {
    kind: "policy",
    outcome: "pass",
    summary: `no NetworkPolicy selects ${subject} for ${word}, so all ${word} is allowed${notes.length > 0 ? ` (${notes.join("; ")})` : ""}`,
  };
}

function explainAllowed(state: ClusterState, direction: DirectionEvaluation, subject: string): TraceHop {
  const policy = direction.policies.find((p) => p.allowed) as PolicyEvaluation;
  const rule = policy.rules.find((r) => r.allowed) as RuleEvaluation;
  const word = direction.direction;
  const peers = rule.peer === "all" || rule.rule.peers.kind === "all" ? "every peer" : formatPeerItem(rule.rule.peers.items[rule.peer]);
  const ports = rule.port === "all" || rule.rule.ports.kind === "all" ? "any port" : formatPortItem(rule.rule.ports.items[rule.port]);
  const field = `spec.${word}[${rule.rule.index}]`;
  return {
    kind: "policy",
    outcome: "pass",
    summary: `NetworkPolicy ${refText(policy.model)} selects ${subject} for ${word}; ${word} rule ${rule.rule.index} admits ${formatPolicyPeer(direction.other)} (${peers}) on ${ports}`,
    object: policy.model.ref,
    rule: `${word} rule ${rule.rule.index}`,
    field,
    position: locateObjectField(state, policy.model.object, field),
  };
}

function explainDenied(state: ClusterState, evaluation: TrafficEvaluation, direction: DirectionEvaluation, policy: PolicyEvaluation, subject: string): TraceHop {
  const word = direction.direction;
  const head = `NetworkPolicy ${refText(policy.model)} selects ${subject} for ${word}`;
  if (policy.rules.length === 0) {
    const defaulted = policy.model.policyTypesDefaulted && word === "ingress" ? " (policyTypes was omitted, and the default always includes Ingress)" : "";
    const field = "spec.podSelector";
    return {
      kind: "policy",
      outcome: "fail",
      summary: `${head} and has no ${word} rules, so it admits no ${word} traffic${defaulted}`,
      object: policy.model.ref,
      field,
      position: locateObjectField(state, policy.model.object, field),
    };
  }
  const reasons = policy.rules.map((r) => explainRuleMiss(state, evaluation, direction, r));
  const field = reasons[0].field;
  return {
    kind: "policy",
    outcome: "fail",
    summary: `${head}; ${reasons.map((r) => r.text).join("; ")}`,
    object: policy.model.ref,
    rule: `${word} rule ${policy.rules[0].rule.index}`,
    field,
    position: locateObjectField(state, policy.model.object, field),
  };
}

function explainRuleMiss(state: ClusterState, evaluation: TrafficEvaluation, direction: DirectionEvaluation, r: RuleEvaluation): { text: string; field: string } {
  const word = direction.direction;
  const name = `${word} rule ${r.rule.index}`;
  const base = `spec.${word}[${r.rule.index}]`;
  const role = word === "ingress" ? "source" : "destination";
  const { port, protocol } = evaluation.traffic;
  const portNote = r.port === -1 ? ` on ${formatPortMatcher(r.rule.ports)}` : "";
  if (r.peer === -1) {
    const note = formatAndOrNote(r.rule.peers) ?? formatExceptNote(r.rule.peers, direction.other);
    return {
      text: `${name} admits only ${formatPeerMatcher(r.rule.peers)}${portNote}; ${formatPeerFacts(direction.other, role, r.rule.peers)}${note ? ` (${note})` : ""}`,
      field: `${base}.${word === "ingress" ? "from" : "to"}`,
    };
  }
  const hints = [explainServicePort(state, evaluation, r.rule), explainEndPort(evaluation, r), explainNamedPorts(evaluation, r)].filter(Boolean);
  return {
    text: `${name} admits ${formatPolicyPeer(direction.other)} but only on ${formatPortMatcher(r.rule.ports)}, not ${protocol} ${port}${hints.length > 0 ? ` (${hints.join("; ")})` : ""}`,
    field: `${base}.ports`,
  };
}

function explainEndPort(evaluation: TrafficEvaluation, r: RuleEvaluation): string | undefined {
  if (evaluation.enforcement.supportsEndPort || r.rule.ports.kind === "all") return undefined;
  const ranged = r.rule.ports.items.find((i) => i.kind === "number" && i.endPort !== undefined && evaluation.traffic.port > i.port && evaluation.traffic.port <= i.endPort);
  if (!ranged) return undefined;
  return `${evaluation.enforcement.profile.displayName} does not support endPort, so it applies the rule to the single port only`;
}

/** Named ports resolve on the destination pod ("a named port on the destination pod"): say what they resolved to. */
function explainNamedPorts(evaluation: TrafficEvaluation, r: RuleEvaluation): string | undefined {
  if (r.rule.ports.kind === "all") return undefined;
  const destination = evaluation.destination;
  const notes = r.rule.ports.items.flatMap((item) => {
    if (item.kind !== "named" || item.protocol !== evaluation.traffic.protocol) return [];
    const name = formatPolicyPeer(destination);
    if (destination.kind !== "pod") return [`"${item.name}" names a port on a destination pod, and ${name} is not one`];
    const number = resolveNamedPort(destination.pod, item.name, item.protocol);
    return [number === undefined ? `${name} has no ${item.protocol} containerPort named "${item.name}"` : `"${item.name}" is port ${number} on ${name}`];
  });
  return notes.length > 0 ? notes.join("; ") : undefined;
}

function refText(model: PolicyModel): string {
  return `${model.ref.namespace}/${model.ref.name}`;
}

function selectorText(model: PolicyModel): string {
  return formatLabelSelector(model.target.selector);
}
