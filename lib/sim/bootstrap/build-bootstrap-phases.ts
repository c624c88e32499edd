import type { ClusterConfig } from "../config";
import type { ManifestObject } from "../objects/meta";
import { buildCertManagerAddon } from "./build-cert-manager-addon";
import { buildControlPlaneObjects, buildNode } from "./build-control-plane-objects";
import { buildCoreDnsAddon } from "./build-coredns-addon";
import { buildIngressNginxAddon } from "./build-ingress-nginx-addon";

export type Addon = "coredns" | "ingress-nginx" | "cert-manager";

/**
 * A new cluster's objects in the order a kubeadm cluster comes up, each phase settled before the next:
 * `kubeadm init` registers the control plane and installs CoreDNS before any worker joins (so, as on kind,
 * CoreDNS runs on the control-plane node); then the workers join; then the addons are applied
 * (https://kubernetes.io/docs/reference/setup-tools/kubeadm/kubeadm-init/#init-workflow).
 */
export function buildBootstrapPhases(config: ClusterConfig, addons: ReadonlySet<Addon>): ManifestObject[][] {
  const hasControlPlane = config.nodes.some((n) => n.controlPlane);
  const controlPlane = config.nodes.filter((n, i) => n.controlPlane || (i === 0 && !hasControlPlane));
  return [
    [...buildControlPlaneObjects({ ...config, nodes: controlPlane }), ...(addons.has("coredns") ? buildCoreDnsAddon(config) : [])],
    config.nodes.filter((n) => !controlPlane.includes(n)).map((node) => buildNode(node, config, config.startTime)),
    [...(addons.has("ingress-nginx") ? buildIngressNginxAddon() : []), ...(addons.has("cert-manager") ? buildCertManagerAddon() : [])],
  ];
}
