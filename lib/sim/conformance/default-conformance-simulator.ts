import { Cluster } from "../store/cluster";
import { isTrafficAllowed } from "../netpol/is-traffic-allowed";
import { routeIngress } from "../ingress/route-ingress";
import { resolveDns } from "../dns/resolve-dns";
import { admitObject } from "../validation/admit-object";
import type { ConformanceSimulator } from "./conformance-simulator";

/**
 * The real simulator behind the conformance runner. A case starts from what `kubeadm init` leaves: the
 * control plane's own objects plus the CoreDNS addon (kube-dns at 10.96.0.10), and the addons it names.
 */
export const defaultConformanceSimulator: ConformanceSimulator = {
  createCluster(config, addons) {
    const cluster = Cluster.create({ config, addons: ["coredns", ...addons] });
    return { state: cluster, load: (objects) => cluster.load(objects) };
  },
  isTrafficAllowed,
  routeIngress: (state, request) => routeIngress(state, request),
  resolveDns: (state, query) => resolveDns(state, query),
  admitObject: (object, options) => admitObject(object, options),
};
