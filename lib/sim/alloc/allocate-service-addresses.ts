import type { IServiceSpec } from "kubernetes-models/v1/ServiceSpec";
import type { FieldError } from "../validation/field-error";
import { err, ok, type Result } from "../result";
import type { ClusterIPAllocator } from "./cluster-ip-allocator";
import type { NodePortAllocator } from "./node-port-allocator";

export interface ServiceAllocators {
  clusterIPs: ClusterIPAllocator;
  nodePorts: NodePortAllocator;
}

type ServiceLike = { spec?: IServiceSpec };

/** Every type but ExternalName gets a virtual IP (pkg/registry/core/service/storage/alloc.go needsClusterIP). */
export function needsClusterIP(service: ServiceLike): boolean {
  return (service.spec?.type ?? "ClusterIP") !== "ExternalName";
}

/**
 * NodePort and LoadBalancer Services get a node port per service port, unless a LoadBalancer opts out with
 * allocateLoadBalancerNodePorts: false (alloc.go needsNodePort).
 */
export function needsNodePort(service: ServiceLike): boolean {
  const type = service.spec?.type;
  return type === "NodePort" || (type === "LoadBalancer" && service.spec?.allocateLoadBalancerNodePorts !== false);
}

/** externalTrafficPolicy Local on a LoadBalancer needs a health-check node port (alloc.go needsHCNodePort). */
export function needsHealthCheckNodePort(service: ServiceLike): boolean {
  return service.spec?.type === "LoadBalancer" && service.spec?.externalTrafficPolicy === "Local";
}

/**
 * On update, values the API server allocated carry over when the request leaves them empty, so a `kubectl
 * replace` or apply without clusterIP / nodePort keeps them (pkg/registry/core/service/storage/storage.go
 * patchAllocatedValues: clusterIP(s) when both old and new need one; each nodePort from the old port with
 * the same port number and protocol; healthCheckNodePort).
 */
export function patchAllocatedValues<T extends ServiceLike>(next: T, old: ServiceLike): T {
  if (!next.spec || !old.spec) return next;
  const spec: IServiceSpec = { ...next.spec };
  if (needsClusterIP(old) && needsClusterIP(next)) {
    if (!spec.clusterIP && old.spec.clusterIP) spec.clusterIP = old.spec.clusterIP;
    if ((!spec.clusterIPs || spec.clusterIPs.length === 0) && old.spec.clusterIPs) spec.clusterIPs = [...old.spec.clusterIPs];
  }
  if (needsNodePort(old) && needsNodePort(next) && spec.ports) {
    spec.ports = spec.ports.map((port) => {
      if (port.nodePort) return port;
      const previous = old.spec?.ports?.find((p) => p.port === port.port && (p.protocol ?? "TCP") === (port.protocol ?? "TCP"));
      return previous?.nodePort ? { ...port, nodePort: previous.nodePort } : port;
    });
  }
  if (needsHealthCheckNodePort(old) && needsHealthCheckNodePort(next) && !spec.healthCheckNodePort && old.spec.healthCheckNodePort) {
    spec.healthCheckNodePort = old.spec.healthCheckNodePort;
  }
  return { ...next, spec };
}

function nodePortsOf(service: ServiceLike | undefined): number[] {
  if (!service?.spec) return [];
  const ports = (service.spec.ports ?? []).map((p) => p.nodePort).filter((p): p is number => typeof p === "number" && p > 0);
  if (service.spec.healthCheckNodePort) ports.push(service.spec.healthCheckNodePort);
  return ports;
}

function clusterIPOf(service: ServiceLike | undefined): string | undefined {
  const ip = service?.spec?.clusterIP;
  return ip && ip !== "None" && service && needsClusterIP(service) ? ip : undefined;
}

/**
 * Allocates a Service's ClusterIP and node ports for a create (old undefined) or update, in the order and
 * with the wording of pkg/registry/core/service/storage/alloc.go: a requested ClusterIP that is taken or
 * outside the range fails as `spec.clusterIPs: Invalid value: []string{"10.96.0.5"}: failed to allocate IP
 * 10.96.0.5: provided IP is already allocated`; a requested node port the same way under
 * `spec.ports[i].nodePort`. All or nothing: on error every address taken by this call is returned, and on
 * success addresses the old Service held but the new one does not are released.
 */
export function allocateServiceAddresses<T extends ServiceLike>(service: T, old: ServiceLike | undefined, allocators: ServiceAllocators): Result<T, FieldError[]> {
  const taken: (() => void)[] = [];
  const rollback = (errors: FieldError[]) => {
    for (const undo of taken.reverse()) undo();
    return err(errors);
  };
  const spec: IServiceSpec = { ...(service.spec ?? {}) };
  const oldIP = clusterIPOf(old);

  if (!needsClusterIP(service)) {
    delete spec.clusterIP;
    delete spec.clusterIPs;
  } else if (spec.clusterIP === "None" || spec.clusterIPs?.[0] === "None") {
    spec.clusterIP = "None";
    spec.clusterIPs = ["None"];
  } else {
    const requested = spec.clusterIP || spec.clusterIPs?.[0];
    if (requested && requested === oldIP) {
      spec.clusterIP = requested;
    } else if (requested) {
      const result = allocators.clusterIPs.allocate(requested);
      if (!result.ok) {
        const clusterIPs = spec.clusterIPs && spec.clusterIPs.length > 0 ? spec.clusterIPs : [requested];
        return rollback([{ type: "FieldValueInvalid", field: "spec.clusterIPs", badValue: clusterIPs, detail: `failed to allocate IP ${requested}: ${result.error}` }]);
      }
      taken.push(() => allocators.clusterIPs.release(requested));
      spec.clusterIP = requested;
    } else {
      const result = allocators.clusterIPs.allocateNext();
      if (!result.ok) return rollback([{ type: "InternalError", field: "spec.clusterIPs", detail: `failed to allocate a serviceIP: ${result.error}` }]);
      const ip = result.value;
      taken.push(() => allocators.clusterIPs.release(ip));
      spec.clusterIP = ip;
    }
    spec.clusterIPs = [spec.clusterIP];
  }
  if (needsClusterIP(service)) {
    // The REST layer fills the family fields for every Service that has (or could have) a ClusterIP
    // (storage.go initIPFamilyFields); a single-stack IPv4 cluster answers IPv4 / SingleStack.
    spec.ipFamilies = spec.ipFamilies && spec.ipFamilies.length > 0 ? spec.ipFamilies : ["IPv4"];
    spec.ipFamilyPolicy = spec.ipFamilyPolicy ?? "SingleStack";
  }

  const oldPorts = new Set(nodePortsOf(old));
  const keep = new Set<number>();
  if (needsNodePort(service)) {
    const ports = [...(spec.ports ?? [])];
    for (let i = 0; i < ports.length; i++) {
      const requested = ports[i].nodePort;
      if (requested && (oldPorts.has(requested) || keep.has(requested))) {
        keep.add(requested);
        continue;
      }
      const result = requested ? allocators.nodePorts.allocate(requested) : allocators.nodePorts.allocateNext();
      if (!result.ok) {
        return rollback([{ type: "FieldValueInvalid", field: `spec.ports[${i}].nodePort`, badValue: requested ?? 0, detail: result.error }]);
      }
      const port = result.value;
      taken.push(() => allocators.nodePorts.release(port));
      keep.add(port);
      ports[i] = { ...ports[i], nodePort: port };
    }
    spec.ports = ports;
  } else if (spec.ports?.some((p) => p.nodePort)) {
    spec.ports = spec.ports.map(({ nodePort: _dropped, ...port }) => port);
  }
  if (needsHealthCheckNodePort(service)) {
    const requested = spec.healthCheckNodePort;
    if (requested && oldPorts.has(requested)) {
      keep.add(requested);
    } else {
      const result = requested ? allocators.nodePorts.allocate(requested) : allocators.nodePorts.allocateNext();
      if (!result.ok) return rollback([{ type: "FieldValueInvalid", field: "spec.healthCheckNodePort", badValue: requested ?? 0, detail: result.error }]);
      const port = result.value;
      taken.push(() => allocators.nodePorts.release(port));
      keep.add(port);
      spec.healthCheckNodePort = port;
    }
  } else {
    delete spec.healthCheckNodePort;
  }

  if (oldIP && oldIP !== spec.clusterIP) allocators.clusterIPs.release(oldIP);
  for (const port of oldPorts) if (!keep.has(port)) allocators.nodePorts.release(port);
  return ok({ ...service, spec });
}

/** Frees everything a deleted Service held. */
export function releaseServiceAddresses(service: ServiceLike, allocators: ServiceAllocators): void {
  const ip = clusterIPOf(service);
  if (ip) allocators.clusterIPs.release(ip);
  for (const port of nodePortsOf(service)) allocators.nodePorts.release(port);
}

/** Marks a loaded Service's addresses as taken without checking them: a snapshot is taken as given. */
export function reserveServiceAddresses(service: ServiceLike, allocators: ServiceAllocators): void {
  const ip = clusterIPOf(service);
  if (ip) allocators.clusterIPs.reserve(ip);
  for (const port of nodePortsOf(service)) allocators.nodePorts.reserve(port);
}
