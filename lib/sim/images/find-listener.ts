import type { IContainer } from "kubernetes-models/v1/Container";
import type { Pod } from "../objects/kinds";
import type { Protocol } from "../network/trace";
import { findKnownImage, type ListeningPort } from "./known-images";

export interface ContainerListener extends ListeningPort {
  container: IContainer;
  /** `image`: the catalog knows what the image binds; `containerPort`: an unknown image, its declared ports. */
  source: "image" | "containerPort";
}

/**
 * What a pod's processes listen on. A declared containerPort is informational: "Not specifying a port here
 * DOES NOT prevent that port from being exposed" and declaring one does not open it
 * (https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#ports). So for an image the
 * catalog knows, the image decides (nginx binds 80 whatever containerPort says); for any other image the
 * declared containerPorts are taken as what its process binds.
 */
export function listPodListeners(pod: Pod): readonly ContainerListener[] {
  const cached = listenersByPod.get(pod);
  if (cached) return cached;
  const listeners: ContainerListener[] = [];
  for (const container of pod.spec?.containers ?? []) {
    const known = findKnownImage(container.image);
    if (known) {
      // Object.assign, not `{ ...port, container, source }`: spread copies that gain keys outlive scavenges (docs/performance.md).
      for (const port of known.listens(container)) listeners.push(Object.assign({}, port, { container, source: "image" as const }));
      continue;
    }
    for (const port of container.ports ?? []) {
      listeners.push({
        port: port.containerPort,
        protocol: (port.protocol ?? "TCP") as Protocol,
        purpose: port.name ?? "app",
        container,
        source: "containerPort",
      });
    }
  }
  listenersByPod.set(pod, listeners);
  return listeners;
}

/**
 * Stored objects are never mutated (a change stores a new object: store/object-store.ts), so what a pod
 * listens on is worked out once per stored pod; every connection to it asks again.
 */
const listenersByPod = new WeakMap<Pod, readonly ContainerListener[]>();

/** The listener for one port and protocol, if any. */
export function findListener(pod: Pod, port: number, protocol: Protocol = "TCP"): ContainerListener | undefined {
  return listPodListeners(pod).find((l) => l.port === port && l.protocol === protocol);
}

/** `containerPorts: 3000`, or `nginx listens on 80`, for messages about a port nobody binds. */
export function describeListeners(pod: Pod): string {
  const declared = (pod.spec?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => p.containerPort));
  const listening = [...new Set(listPodListeners(pod).map((l) => `${l.port}${l.protocol === "TCP" ? "" : `/${l.protocol}`}`))];
  const parts = [`listening: ${listening.length > 0 ? listening.join(", ") : "nothing"}`];
  parts.push(`containerPorts: ${declared.length > 0 ? declared.join(", ") : "none"}`);
  return parts.join("; ");
}
