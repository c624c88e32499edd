import type { Kind } from "../objects/kinds";
import type { ControllerContext } from "./controller-context";
import { reconcileCertManager } from "./cert-manager-controller";
import { reconcileDeployments } from "./deployment-controller";
import { reconcileEndpointSliceMirroring } from "./endpoint-slice-mirroring-controller";
import { reconcileEndpointSlices } from "./endpoint-slice-controller";
import { reconcileEndpoints } from "./endpoints-controller";
import { reconcileIngressStatus } from "./ingress-status-controller";
import { syncPods } from "./kubelet";
import { reconcileLoadBalancers } from "./load-balancer-controller";
import { reconcileReplicaSets } from "./replica-set-controller";
import { schedulePods } from "./scheduler";

export interface ReconcileOptions {
  /** cert-manager's controllers run only where cert-manager is installed. */
  certManager: boolean;
}

/** A pass that changes nothing ends the loop; this bounds it in case two controllers ever disagree. */
const MAX_PASSES = 12;

/** The runtime the controllers run in: the store's change tracking on top of the controller context. */
export interface ReconcileRuntime extends ControllerContext {
  readonly changeSequence: number;
  runController(name: string, watches: readonly Kind[], run: () => void): void;
}

/**
 * Runs every controller, in dependency order, until a whole pass stores nothing new: the synchronous
 * stand-in for the watch-driven control loops of a real cluster, so a write returns with the cluster
 * already settled (Deployment → ReplicaSet → Pods → scheduled → running → endpoints → Ingress status).
 * Each controller declares the kinds it watches and visits only namespaces where those changed since it
 * last ran, as informer events would wake it.
 */
export function reconcileCluster(ctx: ReconcileRuntime, options: ReconcileOptions): void {
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const before = ctx.changeSequence;
    ctx.runController("deployment", ["Deployment", "ReplicaSet"], () => reconcileDeployments(ctx));
    ctx.runController("replicaset", ["ReplicaSet", "Pod"], () => reconcileReplicaSets(ctx));
    ctx.runController("scheduler", ["Pod", "Node"], () => schedulePods(ctx));
    ctx.runController("kubelet", ["Pod", "Node"], () => syncPods(ctx));
    ctx.runController("service-lb", ["Service"], () => reconcileLoadBalancers(ctx));
    ctx.runController("endpoints", ["Service", "Pod", "Node", "Endpoints"], () => reconcileEndpoints(ctx));
    ctx.runController("endpointslice", ["Service", "Pod", "Node", "EndpointSlice"], () => reconcileEndpointSlices(ctx));
    ctx.runController("endpointslice-mirroring", ["Service", "Endpoints", "EndpointSlice"], () => reconcileEndpointSliceMirroring(ctx));
    ctx.runController("ingress-status", ["Ingress", "IngressClass", "Service", "Pod"], () => reconcileIngressStatus(ctx));
    if (options.certManager) ctx.runController("cert-manager", ["Ingress", "Certificate", "Issuer", "ClusterIssuer", "Secret"], () => reconcileCertManager(ctx));
    if (ctx.changeSequence === before) return;
  }
}
