import type { Pod } from "@/lib/sim/objects/kinds";
import type { TrafficPeer } from "@/lib/sim/network/trace";
import type { ShellHost } from "../session/shell-host";

/**
 * The learner's workstation, outside the cluster. An address from TEST-NET-2 (RFC 5737), so it can never be
 * mistaken for a cluster, node or LoadBalancer address.
 */
export const WORKSTATION_IP = "198.51.100.7";

export interface ToolOrigin {
  peer: TrafficPeer;
  /** The pod the tool runs in; undefined on the workstation. */
  pod?: Pod;
}

/** Where a network tool's packets start: the pod the shell is in, or the workstation. */
export function resolveToolOrigin(host: ShellHost): ToolOrigin | undefined {
  const location = host.location;
  if (location.kind === "workstation") return { peer: { kind: "external", ip: WORKSTATION_IP } };
  const pod = host.cluster.get("Pod", location.pod, location.namespace);
  return pod ? { peer: { kind: "pod", pod }, pod } : undefined;
}
