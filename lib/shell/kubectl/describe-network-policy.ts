import type { ClusterState } from "@/lib/sim/cluster-state";
import type { NetworkPolicy } from "@/lib/sim/objects/kinds";
import { formatLabelSelector } from "@/lib/sim/selectors/label-selector";
import type { INetworkPolicyPeer } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer";
import type { INetworkPolicyPort } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicyPort";
import { DescribeWriter, formatGoTime, writeAnnotations, writeLabels } from "./describe-writer";

const selector = (s: Parameters<typeof formatLabelSelector>[0] | undefined) => formatLabelSelector(s ?? {}) || "<none>";

function writePorts(w: DescribeWriter, ports: readonly INetworkPolicyPort[] | undefined, indent: string): void {
  if (!ports || ports.length === 0) {
    w.write(0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    return;
  }
  // A port with an endPort is a range and says so (describe.go printNetworkPolicySpecIngressFrom; describe_test.go
  // TestDescribeNetworkPoliciesWithPortRange expects `To Port Range: 80-82/TCP`).
  for (const port of ports) {
    if (port.endPort !== undefined) w.write(0, `${indent}To Port Range: ${port.port}-${port.endPort}/${port.protocol ?? "TCP"}\n`);
    else w.write(0, `${indent}To Port: ${String(port.port ?? "<any>")}/${port.protocol ?? "TCP"}\n`);
  }
}

function writePeers(w: DescribeWriter, peers: readonly INetworkPolicyPeer[] | undefined, indent: string, word: "From" | "To"): void {
  if (!peers || peers.length === 0) {
    w.write(0, `${indent}${word}: <any> (traffic not restricted by ${word === "From" ? "source" : "destination"})\n`);
    return;
  }
  for (const peer of peers) {
    w.write(0, `${indent}${word}:\n`);
    if (peer.podSelector && peer.namespaceSelector) {
      w.write(1, `${indent}NamespaceSelector: ${selector(peer.namespaceSelector)}\n`);
      w.write(1, `${indent}PodSelector: ${selector(peer.podSelector)}\n`);
    } else if (peer.podSelector) w.write(1, `${indent}PodSelector: ${selector(peer.podSelector)}\n`);
    else if (peer.namespaceSelector) w.write(1, `${indent}NamespaceSelector: ${selector(peer.namespaceSelector)}\n`);
    else if (peer.ipBlock) {
      w.write(1, `${indent}IPBlock:\n`);
      w.write(2, `${indent}CIDR: ${peer.ipBlock.cidr}\n`);
      w.write(2, `${indent}Except: ${(peer.ipBlock.except ?? []).join(", ")}\n`);
    }
  }
}

/**
 * describeNetworkPolicy and describeNetworkPolicySpec (k8s.io/kubectl pkg/describe/describe.go): ingress is
 * affected unless policyTypes leaves it out; egress when policyTypes names it or, with no policyTypes, when
 * egress rules exist; rules are separated by `----------`.
 */
export function describeNetworkPolicy(_state: ClusterState, policy: NetworkPolicy): string {
  const w = new DescribeWriter();
  const spec = policy.spec ?? { podSelector: {} };
  w.write(0, `Name:\t${policy.metadata.name}\n`);
  w.write(0, `Namespace:\t${policy.metadata.namespace}\n`);
  w.write(0, `Created on:\t${formatGoTime(policy.metadata.creationTimestamp)}\n`);
  writeLabels(w, policy.metadata.labels);
  writeAnnotations(w, policy.metadata.annotations);
  w.write(0, "Spec:\n");
  w.write(1, "PodSelector: ");
  const podSelector = formatLabelSelector(spec.podSelector ?? {});
  w.write(2, podSelector ? `${podSelector}\n` : "<none> (Allowing the specific traffic to all pods in this namespace)\n");
  const types = spec.policyTypes ?? [];
  const ingress = types.length > 0 ? types.includes("Ingress") : true;
  const egress = types.length > 0 ? types.includes("Egress") : (spec.egress?.length ?? 0) > 0;
  const indent = "    ";
  if (ingress) {
    w.write(1, "Allowing ingress traffic:\n");
    const rules = spec.ingress ?? [];
    if (rules.length === 0) w.write(0, `${indent}<none> (Selected pods are isolated for ingress connectivity)\n`);
    rules.forEach((rule, i) => {
      writePorts(w, rule.ports, indent);
      writePeers(w, rule.from, indent, "From");
      if (i !== rules.length - 1) w.write(0, `${indent}----------\n`);
    });
  } else w.write(1, "Not affecting ingress traffic\n");
  if (egress) {
    w.write(1, "Allowing egress traffic:\n");
    const rules = spec.egress ?? [];
    if (rules.length === 0) w.write(0, `${indent}<none> (Selected pods are isolated for egress connectivity)\n`);
    rules.forEach((rule, i) => {
      writePorts(w, rule.ports, indent);
      writePeers(w, rule.to, indent, "To");
      if (i !== rules.length - 1) w.write(0, `${indent}----------\n`);
    });
  } else w.write(1, "Not affecting egress traffic\n");
  const effective = types.length > 0 ? types : [...(ingress ? ["Ingress"] : []), ...(egress ? ["Egress"] : [])];
  w.write(1, `Policy Types: ${effective.join(", ")}\n`);
  return w.toString();
}
