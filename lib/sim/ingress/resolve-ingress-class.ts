import type { ClusterState } from "../cluster-state";
import type { Ingress, IngressClass } from "../objects/kinds";
import type { IngressControllerRef } from "./ingress-controller";

/** The deprecated class annotation (kubernetes/ingress-nginx internal/ingress/controller/ingressclass/ingressclass.go IngressKey). */
export const INGRESS_CLASS_ANNOTATION = "kubernetes.io/ingress.class";
/** https://kubernetes.io/docs/concepts/services-networking/ingress/#default-ingress-class */
export const DEFAULT_CLASS_ANNOTATION = "ingressclass.kubernetes.io/is-default-class";

export type IngressClassSource = "ingressClassName" | "annotation" | "default-class" | "without-class" | "none";

/** Whether one controller claims one Ingress, how the Ingress named its class, and why. */
export interface IngressClassDecision {
  claimed: boolean;
  source: IngressClassSource;
  /** The IngressClass name, or the annotation's value. */
  className?: string;
  /** Field that decided it, for pointing at YAML. */
  field?: string;
  /** One sentence a learner can act on. */
  reason: string;
}

/**
 * IngressClasses annotated as the cluster default, in the admission plugin's order of preference: newest
 * first, then by name (plugin/pkg/admission/network/defaultingressclass/admission.go getDefaultClass).
 */
export function listDefaultIngressClasses(state: ClusterState): IngressClass[] {
  return state
    .list("IngressClass")
    .filter((c) => c.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === "true")
    .sort((a, b) => Date.parse(b.metadata.creationTimestamp) - Date.parse(a.metadata.creationTimestamp) || (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
}

/**
 * Does `controller` serve `ingress`? ingress-nginx's rule (internal/ingress/controller/store/store.go
 * GetIngressClass): spec.ingressClassName must name an IngressClass whose spec.controller is the controller's
 * --controller-class; failing that field, the `kubernetes.io/ingress.class` annotation must equal its
 * --ingress-class (default "nginx"); an Ingress with neither is taken only with --watch-ingress-without-class.
 * The default IngressClass is how the API server fills the gap: its DefaultIngressClass admission plugin writes
 * spec.ingressClassName on Ingresses created without one, the newest when several are marked default
 * (https://kubernetes.io/docs/concepts/services-networking/ingress/#default-ingress-class).
 */
export function resolveIngressClass(state: ClusterState, ingress: Ingress, controller: IngressControllerRef): IngressClassDecision {
  const className = ingress.spec?.ingressClassName;
  if (className !== undefined && className !== null) {
    const ingressClass = state.get("IngressClass", className);
    if (!ingressClass) {
      return {
        claimed: false,
        source: "ingressClassName",
        className,
        field: "spec.ingressClassName",
        reason: `spec.ingressClassName is "${className}" but no IngressClass "${className}" exists, so no controller serves this Ingress (kubectl get ingressclass lists the classes).`,
      };
    }
    if (ingressClass.spec?.controller !== controller.controllerClass) {
      return {
        claimed: false,
        source: "ingressClassName",
        className,
        field: "spec.ingressClassName",
        reason: `IngressClass "${className}" belongs to controller "${ingressClass.spec?.controller ?? "<unset>"}", not to ingress-nginx (${controller.controllerClass}).`,
      };
    }
    return { claimed: true, source: "ingressClassName", className, field: "spec.ingressClassName", reason: `spec.ingressClassName "${className}" names an IngressClass of controller ${controller.controllerClass}.` };
  }

  const annotation = ingress.metadata.annotations?.[INGRESS_CLASS_ANNOTATION];
  if (annotation !== undefined) {
    const field = `metadata.annotations[${INGRESS_CLASS_ANNOTATION}]`;
    if (annotation !== controller.annotationValue) {
      return {
        claimed: false,
        source: "annotation",
        className: annotation,
        field,
        reason: `the ${INGRESS_CLASS_ANNOTATION} annotation is "${annotation}"; ingress-nginx only claims "${controller.annotationValue}" (its --ingress-class).`,
      };
    }
    return {
      claimed: true,
      source: "annotation",
      className: annotation,
      field,
      reason: `the deprecated ${INGRESS_CLASS_ANNOTATION}: "${annotation}" annotation selects ingress-nginx (prefer spec.ingressClassName).`,
    };
  }

  const defaults = listDefaultIngressClasses(state);
  if (defaults.length > 0) {
    const [defaultClass] = defaults;
    const chosen = defaults.length > 1 ? ` (${defaults.length} classes are marked default; the newest is chosen)` : "";
    const claimed = defaultClass.spec?.controller === controller.controllerClass;
    return {
      claimed,
      source: "default-class",
      className: defaultClass.metadata.name,
      field: "spec.ingressClassName",
      reason: claimed
        ? `the Ingress names no class; IngressClass "${defaultClass.metadata.name}" is the cluster default (${DEFAULT_CLASS_ANNOTATION}: "true")${chosen} and belongs to ingress-nginx.`
        : `the Ingress names no class; the default IngressClass "${defaultClass.metadata.name}"${chosen} belongs to controller "${defaultClass.spec?.controller ?? "<unset>"}".`,
    };
  }

  if (controller.watchIngressWithoutClass) {
    return { claimed: true, source: "without-class", reason: "the Ingress names no class and ingress-nginx runs with --watch-ingress-without-class=true, so it takes it." };
  }
  return {
    claimed: false,
    source: "none",
    field: "spec.ingressClassName",
    reason: `the Ingress has no spec.ingressClassName and no ${INGRESS_CLASS_ANNOTATION} annotation, and ingress-nginx ignores such Ingresses unless started with --watch-ingress-without-class=true. Set spec.ingressClassName: nginx.`,
  };
}
