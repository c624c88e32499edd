import type { Ingress, IngressClass, Service } from "../objects/kinds";
import { matchMapSelector } from "../selectors/label-selector";
import type { ControllerContext } from "./controller-context";
import { isPodReady } from "./pod-readiness";

export const INGRESS_NGINX_CONTROLLER = "k8s.io/ingress-nginx";
const DEFAULT_CLASS_ANNOTATION = "ingressclass.kubernetes.io/is-default-class";
const LEGACY_CLASS_ANNOTATION = "kubernetes.io/ingress.class";

/**
 * The IngressClass an Ingress names: spec.ingressClassName, else the deprecated kubernetes.io/ingress.class
 * annotation (https://kubernetes.io/docs/concepts/services-networking/ingress/#deprecated-annotation).
 */
export function ingressClassNameOf(ingress: Ingress): string | undefined {
  return ingress.spec?.ingressClassName ?? ingress.metadata.annotations?.[LEGACY_CLASS_ANNOTATION];
}

/**
 * The default IngressClass the DefaultIngressClass admission plugin writes into new Ingresses that name
 * none (plugin/pkg/admission/network/defaultingressclass/admission.go): the class annotated
 * is-default-class "true"; with several, the most recently created.
 */
export function findDefaultIngressClass(classes: readonly IngressClass[]): IngressClass | undefined {
  const defaults = classes.filter((c) => c.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === "true");
  return [...defaults].sort((a, b) => (a.metadata.creationTimestamp < b.metadata.creationTimestamp ? 1 : a.metadata.creationTimestamp > b.metadata.creationTimestamp ? -1 : 0))[0];
}

/** The ingress-nginx controller's published Service (`--publish-service=ingress-nginx/ingress-nginx-controller` in the upstream manifests). */
function findPublishedService(ctx: ControllerContext): Service | undefined {
  const service = ctx.get("Service", "ingress-nginx-controller", "ingress-nginx");
  if (!service) return undefined;
  const selector = service.spec?.selector ?? {};
  if (Object.keys(selector).length === 0) return undefined;
  const running = ctx.list("Pod", "ingress-nginx").some((p) => matchMapSelector(selector, p.metadata.labels) && isPodReady(p));
  return running ? service : undefined;
}

/**
 * Ingress status as ingress-nginx writes it (internal/ingress/status/status.go): every Ingress of a class
 * the controller owns (controller k8s.io/ingress-nginx) gets the published Service's load-balancer address
 * in status.loadBalancer.ingress, once the controller runs; Ingresses of other classes, or of no class, are
 * not the controller's and get no address from it.
 */
export function reconcileIngressStatus(ctx: ControllerContext): void {
  const ownedClasses = new Set(ctx.list("IngressClass").filter((c) => c.spec?.controller === INGRESS_NGINX_CONTROLLER).map((c) => c.metadata.name));
  const published = findPublishedService(ctx);
  const addresses = (published?.status?.loadBalancer?.ingress ?? []).map((i) => ({ ...(i.ip ? { ip: i.ip } : {}), ...(i.hostname ? { hostname: i.hostname } : {}) }));
  const controllerChanged = ctx.isDirty("ingress-nginx");
  for (const ingress of ctx.list("Ingress")) {
    if (!controllerChanged && !ctx.isDirty(ingress.metadata.namespace)) continue;
    const className = ingressClassNameOf(ingress);
    const owned = className !== undefined && ownedClasses.has(className) && addresses.length > 0;
    const current = ingress.status?.loadBalancer?.ingress ?? [];
    if (owned) ctx.update<Ingress>({ ...ingress, status: { loadBalancer: { ingress: addresses } } });
    else if (current.length > 0 && className !== undefined && ownedClasses.has(className)) ctx.update<Ingress>({ ...ingress, status: { loadBalancer: {} } });
  }
}
