import { CNI_PROFILES, type CniProfile } from "../cni/cni-profile";
import type { ClusterConfig } from "../config";

/**
 * Whether the cluster's CNI turns NetworkPolicy objects into packet filters. "Creating a NetworkPolicy resource
 * without a controller that implements it will have no effect"
 * (https://kubernetes.io/docs/concepts/services-networking/network-policies/#prerequisites): Flannel has no
 * policy controller; the Amazon VPC CNI enforces only when its network policy agent is enabled
 * (ENABLE_NETWORK_POLICY), which ClusterConfig.networkPolicyEnforcement models.
 */
export interface Enforcement {
  profile: CniProfile;
  enforced: boolean;
  /**
   * Whether port ranges count. An enforcing plugin without endPort support applies such a rule "only for the
   * single port field" (https://kubernetes.io/docs/concepts/services-networking/network-policies/#targeting-a-range-of-ports).
   * Where nothing is enforced, the verdict reports what the API says, so ranges count.
   */
  supportsEndPort: boolean;
}

export function resolveEnforcement(config: ClusterConfig): Enforcement {
  const profile = CNI_PROFILES[config.cni] ?? CNI_PROFILES.calico;
  const enforced = config.networkPolicyEnforcement ?? profile.enforcesNetworkPolicy;
  return { profile, enforced, supportsEndPort: enforced ? profile.supportsEndPort : true };
}
