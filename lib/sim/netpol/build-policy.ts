import type { ClusterState } from "../cluster-state";
import type { NetworkPolicy } from "../objects/kinds";
import type { ObjectRef } from "../objects/meta";
import { memoByListing, memoOf, memoSlot, type ListingEntry } from "../state-memo";
import { buildPeerMatcher, type PeerMatcher } from "./peer-matcher";
import { buildPortMatcher, type PortMatcher } from "./port-matcher";
import { buildTarget, type Target } from "./target";

export type Direction = "ingress" | "egress";

/** One entry of spec.ingress or spec.egress: traffic must match both its peers and its ports. */
export interface RuleModel {
  direction: Direction;
  index: number;
  peers: PeerMatcher;
  ports: PortMatcher;
}

/**
 * A NetworkPolicy translated into matchers, so evaluation never reads the API object again
 * (the builder/evaluator split of cyclonus pkg/matcher builder.go and policy.go).
 */
export interface PolicyModel {
  ref: ObjectRef;
  object: NetworkPolicy;
  target: Target;
  /** Which directions the policy isolates its pods for. */
  policyTypes: Record<Direction, boolean>;
  /** True when spec.policyTypes was absent and the defaulting rule chose the types. */
  policyTypesDefaulted: boolean;
  ingress: RuleModel[];
  egress: RuleModel[];
}

/**
 * The NetworkPolicies of a namespace as models, built once per listing and kept by the state
 * (state-memo.ts): every connection asks for the policies on both of its ends, and a listing is an immutable
 * snapshot until the next NetworkPolicy write in the namespace.
 */
export function listPolicyModels(state: ClusterState, namespace: string): readonly PolicyModel[] {
  return memoByListing(memoOf(state, MODELS), namespace, state.list("NetworkPolicy", namespace), (listing) => listing.map(buildPolicy));
}

const MODELS = memoSlot(() => new Map<string, ListingEntry<readonly NetworkPolicy[], readonly PolicyModel[]>>());

/** One policy's model; callers that ask per connection go through listPolicyModels, which keeps them. */
export function buildPolicy(policy: NetworkPolicy): PolicyModel {
  const namespace = policy.metadata.namespace ?? "default";
  const spec = policy.spec ?? { podSelector: {} };
  const rules = (direction: Direction) =>
    direction === "ingress"
      ? (spec.ingress ?? []).map((r, index) => ({ direction, index, peers: buildPeerMatcher(r.from, namespace), ports: buildPortMatcher(r.ports) }))
      : (spec.egress ?? []).map((r, index) => ({ direction, index, peers: buildPeerMatcher(r.to, namespace), ports: buildPortMatcher(r.ports) }));
  const types = resolvePolicyTypes(policy);
  return {
    ref: { kind: "NetworkPolicy", name: policy.metadata.name, namespace },
    object: policy,
    target: buildTarget(namespace, spec.podSelector),
    policyTypes: types.types,
    policyTypesDefaulted: types.defaulted,
    ingress: rules("ingress"),
    egress: rules("egress"),
  };
}

/**
 * spec.policyTypes, defaulted as the API server does when absent (pkg/apis/networking/v1/defaults.go
 * SetDefaults_NetworkPolicy): Ingress always, plus Egress when spec.egress has at least one rule. A stored object
 * is already defaulted; the rule is repeated here so objects loaded as-is behave the same.
 */
export function resolvePolicyTypes(policy: NetworkPolicy): { types: Record<Direction, boolean>; defaulted: boolean } {
  const written = policy.spec?.policyTypes ?? [];
  if (written.length > 0) return { types: { ingress: written.includes("Ingress"), egress: written.includes("Egress") }, defaulted: false };
  return { types: { ingress: true, egress: (policy.spec?.egress ?? []).length > 0 }, defaulted: true };
}

export function rulesOf(model: PolicyModel, direction: Direction): RuleModel[] {
  return direction === "ingress" ? model.ingress : model.egress;
}
