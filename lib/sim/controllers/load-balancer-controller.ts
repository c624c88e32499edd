import type { Service } from "../objects/kinds";
import type { ControllerContext } from "./controller-context";

const SOURCE = "service-controller";

export function serviceKey(service: Service): string {
  return `${service.metadata.namespace ?? "default"}/${service.metadata.name}`;
}

/**
 * The cloud's service controller (k8s.io/cloud-provider controllers/service/controller.go): a LoadBalancer
 * Service gets an address from the simulated cloud's pool, published in status.loadBalancer.ingress with
 * ipMode VIP (the API server's default since LoadBalancerIPMode, 1.30); spec.loadBalancerIP, where given, is
 * honoured if the pool has it free. A Service with a loadBalancerClass belongs to another implementation and
 * is left alone (https://kubernetes.io/docs/concepts/services-networking/service/#load-balancer-class).
 * When a Service stops being a LoadBalancer its address is released and its status cleared.
 */
export function reconcileLoadBalancers(ctx: ControllerContext): void {
  for (const service of ctx.list("Service")) {
    if (!ctx.isDirty(service.metadata.namespace)) continue;
    const key = serviceKey(service);
    const wantsLoadBalancer = service.spec?.type === "LoadBalancer" && !service.spec.loadBalancerClass;
    if (!wantsLoadBalancer) {
      if (ctx.loadBalancerIPs.addressOf(key) !== undefined) ctx.loadBalancerIPs.release(key);
      if (service.status?.loadBalancer?.ingress?.length && service.spec?.type !== "LoadBalancer") {
        ctx.update<Service>({ ...service, status: { ...service.status, loadBalancer: {} } });
      }
      continue;
    }
    const had = ctx.loadBalancerIPs.addressOf(key);
    const ip = ctx.loadBalancerIPs.assign(key, service.spec?.loadBalancerIP || undefined);
    if (!ip) {
      if (had === undefined && !service.status?.loadBalancer?.ingress?.length) {
        const message = service.spec?.loadBalancerIP
          ? `Error syncing load balancer: failed to ensure load balancer: requested IP ${service.spec.loadBalancerIP} is not available in the pool`
          : "Error syncing load balancer: failed to ensure load balancer: no addresses left in the pool";
        ctx.record({ type: "Warning", reason: "SyncLoadBalancerFailed", message, object: service, source: SOURCE });
      }
      continue;
    }
    if (had !== ip) {
      ctx.record({ type: "Normal", reason: "EnsuringLoadBalancer", message: "Ensuring load balancer", object: service, source: SOURCE });
      ctx.record({ type: "Normal", reason: "EnsuredLoadBalancer", message: "Ensured load balancer", object: service, source: SOURCE });
    }
    ctx.update<Service>({ ...service, status: { ...service.status, loadBalancer: { ingress: [{ ip, ipMode: "VIP" }] } } });
  }
  for (const key of ctx.loadBalancerIPs.serviceKeys()) {
    const [namespace, name] = key.split("/");
    if (!ctx.get("Service", name, namespace)) ctx.loadBalancerIPs.release(key);
  }
}
