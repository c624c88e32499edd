import type { ClusterState } from "@/lib/sim/cluster-state";
import type { Pod } from "@/lib/sim/objects/kinds";
import type { TrafficPeer } from "@/lib/sim/network/trace";
import { matchMapSelector } from "@/lib/sim/selectors/label-selector";
import type { PeerSpec } from "./exercise-definition";

/** The learner's workstation: outside the cluster, on the nodes' network, like a laptop with kubectl. */
export const WORKSTATION_IP = "192.0.2.10";

export type ResolvedPeer = { ok: true; peer: TrafficPeer; label: string } | { ok: false; message: string };

/** Turns a check's `from` into a TrafficPeer, or says plainly which pod is missing. */
export function resolvePeer(state: ClusterState, spec: PeerSpec): ResolvedPeer {
  if ("workstation" in spec) return { ok: true, peer: { kind: "external", ip: WORKSTATION_IP }, label: "your workstation" };
  if ("external" in spec) return { ok: true, peer: { kind: "external", ip: spec.external }, label: `client ${spec.external}` };
  if ("pod" in spec) {
    const [namespace, name] = spec.pod.split("/");
    const pod = state.get("Pod", name, namespace);
    return pod ? { ok: true, peer: { kind: "pod", pod }, label: spec.pod } : { ok: false, message: `pod ${spec.pod} does not exist` };
  }
  const pod = state
    .list("Pod", spec.namespace)
    .find((p) => matchMapSelector(spec.labels, p.metadata.labels) && isRunning(p));
  const selector = Object.entries(spec.labels).map(([k, v]) => `${k}=${v}`).join(",");
  return pod
    ? { ok: true, peer: { kind: "pod", pod }, label: `${spec.namespace}/${pod.metadata.labels?.app ?? pod.metadata.name}` }
    : { ok: false, message: `no running pod with ${selector} in namespace ${spec.namespace}` };
}

function isRunning(pod: Pod): boolean {
  return pod.status?.phase === "Running" && !pod.metadata.deletionTimestamp;
}
