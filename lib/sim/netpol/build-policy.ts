import type { NetworkPolicy } from "../objects/kinds";
import type { ObjectRef } from "../objects/meta";
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
 * Stored objects are never mutated (a change stores a new object: store/object-store.ts), so a policy's
 * model is built once per stored policy rather than on every connection each side of which it may select.
 */
const models = new WeakMap<NetworkPolicy, PolicyModel>();

export function buildPolicy(policy: NetworkPolicy): PolicyModel {
  let model = models.get(policy);
  if (!model) {
    model = buildModel(policy);
    models.set(policy, model);
  }
  return model;
}

function buildModel(policy: NetworkPolicy): PolicyModel {
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
