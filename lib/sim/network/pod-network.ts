import type { ClusterState } from "../cluster-state";
import type { Pod } from "../objects/kinds";
import { memoByListing, memoOf, memoSlot, type ListingEntry } from "../state-memo";

/**
 * A pod holds its IP from the moment the CNI's ADD returns until it is gone; Succeeded and Failed pods no
 * longer own theirs (kubernetes/kubernetes pkg/kubelet/kubelet_pods.go: terminal pods release their sandbox).
 */
export function podIP(pod: Pod): string | undefined {
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") return undefined;
  return pod.status?.podIP ?? pod.status?.podIPs?.[0]?.ip;
}

/** The Ready condition, as the endpoints controller reads it (k8s.io/kubernetes/pkg/api/v1/pod IsPodReady). */
export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") === true;
}

export function isPodTerminating(pod: Pod): boolean {
  return pod.metadata.deletionTimestamp !== undefined;
}

/** `production/my-backend-7d9f…`, the name kubectl prints for a pod. */
export function formatPodName(pod: Pod): string {
  return `${pod.metadata.namespace ?? "default"}/${pod.metadata.name}`;
}

/**
 * The pod that owns an address on the pod network. hostNetwork pods share their node's address, so they are
 * not pod-network owners (https://kubernetes.io/docs/concepts/services-networking/#the-kubernetes-network-model).
 */
export function findPodByIP(state: ClusterState, ip: string): Pod | undefined {
  return memoByListing(memoOf(state, PODS_BY_IP), "", state.list("Pod"), indexPodAddresses).get(ip);
}

function indexPodAddresses(pods: readonly Pod[]): Map<string, Pod> {
  const byIP = new Map<string, Pod>();
  // The first pod in listing order holds an address, as a scan of the listing finds it.
  for (const pod of pods) {
    const address = pod.spec?.hostNetwork !== true ? podIP(pod) : undefined;
    if (address !== undefined && !byIP.has(address)) byIP.set(address, pod);
  }
  return byIP;
}

/** Pod addresses of a Pod listing (an immutable snapshot until the next Pod write), indexed once per state. */
const PODS_BY_IP = memoSlot(() => new Map<string, ListingEntry<readonly Pod[], Map<string, Pod>>>());
