import type { IServiceSpec } from "kubernetes-models/v1/ServiceSpec";

type ServiceLike = { spec?: IServiceSpec };

const same = (a: readonly string[] | undefined, b: readonly string[] | undefined) => JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

/**
 * Keeps the linked clusterIP / clusterIPs fields consistent on update, divining what the client meant
 * (pkg/registry/core/service/strategy.go normalizeClusterIPs): an old client that sent no clusterIPs keeps
 * the stored ones when clusterIP is unchanged; a changed clusterIP with untouched clusterIPs rewrites
 * clusterIPs from it (so validation reports the change on clusterIPs); clearing clusterIP with untouched
 * clusterIPs clears both.
 */
export function normalizeClusterIPs<T extends ServiceLike>(next: T, old: ServiceLike): T {
  if (!next.spec || !old.spec) return next;
  const spec: IServiceSpec = { ...next.spec };
  if ((old.spec.clusterIPs?.length ?? 0) > 0 && (spec.clusterIPs?.length ?? 0) === 0 && old.spec.clusterIP === spec.clusterIP) {
    spec.clusterIPs = old.spec.clusterIPs;
  }
  if (old.spec.clusterIP !== spec.clusterIP) {
    if (old.spec.clusterIP && !spec.clusterIP && same(old.spec.clusterIPs, spec.clusterIPs)) delete spec.clusterIPs;
    else if (same(old.spec.clusterIPs, spec.clusterIPs)) spec.clusterIPs = spec.clusterIP ? [spec.clusterIP] : undefined;
  }
  if (spec.clusterIPs === undefined) delete spec.clusterIPs;
  return { ...next, spec };
}
