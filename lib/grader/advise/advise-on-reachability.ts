import { CNI_PROFILES } from "@/lib/sim/cni/cni-profile";
import type { NetworkPolicy } from "@/lib/sim/objects/kinds";
import type { ConnectOutcome, PolicyVerdict, TraceHop } from "@/lib/sim/network/trace";
import type { CheckContext } from "../check-context";

/** The parts of a connection result the advice reads. */
export interface ConnectionFacts {
  outcome: ConnectOutcome;
  hops: readonly TraceHop[];
  policy?: PolicyVerdict;
}

/**
 * Targeted feedback for the classic NetworkPolicy and Service traps, recognised from the trace and the
 * learner's objects. Each rule names the mistake the way the Kubernetes docs warn about it
 * (https://kubernetes.io/docs/concepts/services-networking/network-policies/).
 */
export function adviseOnReachability(context: CheckContext, facts: ConnectionFacts, expected: "allow" | "deny"): string | undefined {
  const policies = context.state.list("NetworkPolicy").filter((p) => context.state.sourceOf(p)?.file === context.learnerFile);
  const rules: (string | undefined)[] =
    expected === "deny"
      ? [cniDoesNotEnforce(context, facts), orInsteadOfAnd(policies), emptySelectorSelectsAll(policies)]
      : [
          missingDnsEgress(facts),
          andInsteadOfOr(policies, facts),
          egressRulesIgnored(policies),
          inferredIngressIsolation(policies, facts),
          noEndpoints(facts),
          nothingListens(facts),
        ];
  return rules.find((advice) => advice !== undefined);
}

function cniDoesNotEnforce(context: CheckContext, facts: ConnectionFacts): string | undefined {
  if (facts.outcome !== "connected" || !facts.policy || facts.policy.enforced) return undefined;
  const profile = CNI_PROFILES[context.state.config.cni];
  const wouldDeny = !facts.policy.ingress.allowed || !facts.policy.egress.allowed;
  return wouldDeny
    ? `Your policy would block this, but the cluster's CNI (${profile.displayName}) does not enforce NetworkPolicy: the API server stores the object and nothing acts on it. Enforcement needs a plugin such as Calico or Cilium.`
    : undefined;
}

/** Two list items — `- namespaceSelector` and `- podSelector` — are two peers, ORed: either one admits. */
function orInsteadOfAnd(policies: readonly NetworkPolicy[]): string | undefined {
  for (const policy of policies) {
    for (const rule of [...(policy.spec?.ingress ?? []).map((r) => r.from), ...(policy.spec?.egress ?? []).map((r) => r.to)]) {
      const peers = rule ?? [];
      const nsOnly = peers.some((p) => p.namespaceSelector && !p.podSelector);
      const podOnly = peers.some((p) => p.podSelector && !p.namespaceSelector);
      if (nsOnly && podOnly)
        return `In ${policy.metadata.name}, namespaceSelector and podSelector are separate list items, so they are two peers that are ORed: any pod in the selected namespaces OR the selected pods in the policy's namespace. To require both, put them in ONE item (no "-" before podSelector).`;
    }
  }
  return undefined;
}

function emptySelectorSelectsAll(policies: readonly NetworkPolicy[]): string | undefined {
  for (const policy of policies) {
    for (const rule of [...(policy.spec?.ingress ?? []).map((r) => r.from), ...(policy.spec?.egress ?? []).map((r) => r.to)]) {
      for (const peer of rule ?? []) {
        if (peer.namespaceSelector && Object.keys(peer.namespaceSelector).length === 0 && !peer.podSelector)
          return `In ${policy.metadata.name}, \`namespaceSelector: {}\` selects every namespace: an empty selector matches everything, it is not the same as leaving the field out.`;
        if (peer.podSelector && isEmptySelector(peer.podSelector) && !peer.namespaceSelector)
          return `In ${policy.metadata.name}, \`podSelector: {}\` as a peer admits every pod in the policy's namespace: an empty selector matches all pods.`;
      }
    }
  }
  return undefined;
}

function isEmptySelector(selector: { matchLabels?: object; matchExpressions?: unknown[] }): boolean {
  return Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}

function missingDnsEgress(facts: ConnectionFacts): string | undefined {
  if (facts.outcome !== "dns-failure") return undefined;
  const blocked = facts.hops.some((h) => h.kind === "policy" && h.outcome === "fail");
  return blocked
    ? "The lookup itself is blocked: once a policy selects a pod for Egress, DNS to kube-dns (UDP and TCP port 53, pods k8s-app=kube-dns in kube-system) must be allowed explicitly, or every connection by name fails."
    : undefined;
}

function andInsteadOfOr(policies: readonly NetworkPolicy[], facts: ConnectionFacts): string | undefined {
  if (facts.outcome !== "timeout") return undefined;
  for (const policy of policies) {
    for (const rule of policy.spec?.ingress ?? []) {
      if ((rule.from ?? []).some((p) => p.namespaceSelector && p.podSelector))
        return `In ${policy.metadata.name}, namespaceSelector and podSelector sit in ONE peer, so a source must match both (AND). If either should be enough, make them two list items.`;
    }
  }
  return undefined;
}

/** Egress rules under a policy whose policyTypes lists only Ingress are ignored. */
function egressRulesIgnored(policies: readonly NetworkPolicy[]): string | undefined {
  const policy = policies.find((p) => (p.spec?.egress?.length ?? 0) > 0 && p.spec?.policyTypes && !p.spec.policyTypes.includes("Egress"));
  return policy
    ? `${policy.metadata.name} has egress rules but its policyTypes does not list Egress, so they are ignored.`
    : undefined;
}

/** Without policyTypes, Ingress is always implied: an egress-only policy also isolates its pods for ingress. */
function inferredIngressIsolation(policies: readonly NetworkPolicy[], facts: ConnectionFacts): string | undefined {
  if (facts.outcome !== "timeout" || !facts.policy || facts.policy.ingress.allowed) return undefined;
  const selecting = new Set(facts.policy.ingress.selectingPolicies.map((r) => `${r.namespace}/${r.name}`));
  const policy = policies.find((p) => selecting.has(`${p.metadata.namespace}/${p.metadata.name}`) && !(p.spec?.ingress?.length ?? 0));
  return policy
    ? `${policy.metadata.name} has no ingress rules but selects the destination for Ingress (policyTypes ${JSON.stringify(policy.spec?.policyTypes ?? ["Ingress"])}): it denies all ingress to those pods. If you meant egress only, set policyTypes: [Egress].`
    : undefined;
}

function noEndpoints(facts: ConnectionFacts): string | undefined {
  if (facts.outcome !== "refused") return undefined;
  const hop = facts.hops.find((h) => h.kind === "service" && h.outcome === "fail");
  return hop ? `${hop.summary}. Compare the Service's selector with the pods' labels (kubectl get pods --show-labels).` : undefined;
}

function nothingListens(facts: ConnectionFacts): string | undefined {
  if (facts.outcome !== "refused") return undefined;
  const hop = facts.hops.find((h) => h.kind === "container" && h.outcome === "fail");
  return hop
    ? `${hop.summary}. A Service's port is what clients dial; its targetPort must be the port the container listens on (containerPort).`
    : undefined;
}
