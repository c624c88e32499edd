import type { ClusterState } from "../cluster-state";
import { findClusterNodeByIP } from "./cluster-nodes";
import { podIP } from "./pod-network";
import type { Protocol } from "./trace";

/**
 * A pod's hostPort: the CNI's portmap plugin DNATs nodeIP:hostPort to the pod's containerPort on the node it
 * runs on (https://kubernetes.io/docs/concepts/configuration/overview/#services: "hostPort ... the <hostIP,
 * hostPort, protocol> combination must be unique"; containernetworking/plugins plugins/meta/portmap).
 */
export function findHostPortPod(state: ClusterState, ip: string, port: number, protocol: Protocol) {
  const node = findClusterNodeByIP(state, ip);
  if (!node) return undefined;
  for (const pod of state.list("Pod")) {
    if (pod.spec?.nodeName !== node.name || pod.spec.hostNetwork === true || podIP(pod) === undefined) continue;
    const containers = pod.spec.containers ?? [];
    for (let containerIndex = 0; containerIndex < containers.length; containerIndex++) {
      const ports = containers[containerIndex].ports ?? [];
      const portIndex = ports.findIndex((p) => p.hostPort === port && (p.protocol ?? "TCP") === protocol);
      if (portIndex !== -1) return { pod, nodeName: node.name, containerPort: ports[portIndex].containerPort, containerIndex, portIndex };
    }
  }
  return undefined;
}
