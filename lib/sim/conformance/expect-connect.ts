import type { ClusterState } from "../cluster-state";
import type { TrafficPeer } from "../network/trace";
import type { ConformanceSimulator } from "./conformance-simulator";
import type { ConnectQuery } from "./conformance-case";
import { expectEqual, failedVerdict, type QueryVerdict } from "./query-result";

type PeerRef = ConnectQuery["from"];

/**
 * A pod named "ns/name" is looked up as stored; an `ip` is a host outside the pod network. No Service
 * translation happens: the format asks for the NetworkPolicy verdict between real endpoints
 * (https://kubernetes.io/docs/concepts/services-networking/network-policies/: "both the egress policy on the
 * source pod and the ingress policy on the destination pod need to allow the connection").
 */
function resolvePeer(state: ClusterState, ref: PeerRef): TrafficPeer | string {
  if ("ip" in ref) return { kind: "external", ip: ref.ip };
  const [namespace, name] = ref.pod.split("/");
  const pod = state.get("Pod", name, namespace);
  return pod ? { kind: "pod", pod } : `pod ${ref.pod} not found`;
}

export function formatConnectSummary(query: ConnectQuery): string {
  const peer = (ref: PeerRef) => ("ip" in ref ? ref.ip : ref.pod);
  return `connect ${peer(query.from)} -> ${peer(query.to)} ${query.protocol ?? "TCP"}/${query.port}`;
}

export function expectConnect(sim: ConformanceSimulator, state: ClusterState, query: ConnectQuery): QueryVerdict {
  const source = resolvePeer(state, query.from);
  const destination = resolvePeer(state, query.to);
  if (typeof source === "string") return failedVerdict(query.expect, source);
  if (typeof destination === "string") return failedVerdict(query.expect, destination);
  const verdict = sim.isTrafficAllowed(state, { source, destination, port: query.port, protocol: query.protocol ?? "TCP" });
  return expectEqual(query.expect, verdict.allowed ? "allow" : "deny");
}
