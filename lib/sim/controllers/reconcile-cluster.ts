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

/**
 * Runs every controller, in dependency order, until a whole pass stores nothing new (each pass looks only at
 * the namespaces the previous one changed): the synchronous
 * stand-in for the watch-driven control loops of a real cluster, so a write returns with the cluster
 * already settled (Deployment → ReplicaSet → Pods → scheduled → running → endpoints → Ingress status).
 */
export function reconcileCluster(ctx: ControllerContext & { beginPass(): boolean }, options: ReconcileOptions): void {
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    if (!ctx.beginPass()) return;
    reconcileDeployments(ctx);
    reconcileReplicaSets(ctx);
    schedulePods(ctx);
    syncPods(ctx);
    reconcileLoadBalancers(ctx);
    reconcileEndpoints(ctx);
    reconcileEndpointSlices(ctx);
    reconcileEndpointSliceMirroring(ctx);
    reconcileIngressStatus(ctx);
    if (options.certManager) reconcileCertManager(ctx);
  }
}
