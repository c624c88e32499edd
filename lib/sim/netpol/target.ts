import type { LabelSelector } from "../selectors/label-selector";
import { isEmptySelector, matchPod, type PodMatcher } from "./peer-matcher";
import type { PolicyPeer } from "./policy-peer";

/**
 * The pods a NetworkPolicy applies to: spec.podSelector within the policy's own namespace
 * ("An empty podSelector matches all pods in this namespace", staging/src/k8s.io/api/networking/v1/types.go).
 * hostNetwork pods are never selected: the docs' most common implementation cannot tell their traffic from
 * the node's (https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-and-hostnetwork-pods).
 */
export interface Target {
  namespace: string;
  pod: PodMatcher;
  selector: LabelSelector;
}

/** An absent podSelector is the empty selector: the Go field is a struct value, so it decodes as `{}`. */
export function buildTarget(namespace: string, podSelector: LabelSelector | undefined): Target {
  const selector = podSelector ?? {};
  return { namespace, selector, pod: isEmptySelector(selector) ? { kind: "all" } : { kind: "labels", selector } };
}

export function isPeerSelectedByTarget(target: Target, peer: PolicyPeer): boolean {
  return peer.kind === "pod" && peer.namespace === target.namespace && matchPod(target.pod, peer.labels);
}
