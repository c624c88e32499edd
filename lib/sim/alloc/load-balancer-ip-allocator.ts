import { addressAt, offsetOf, parseIPv4Range, type IPv4Range } from "./ipv4-range";

/**
 * The simulated cloud's load-balancer addresses. A cloud controller (or MetalLB on bare metal, which hands
 * out its pool in order: https://metallb.universe.tf/configuration/) gives each LoadBalancer Service an
 * address from a pool and publishes it in status.loadBalancer.ingress. Keyed by the Service, so the same
 * Service keeps its address across reconciles and the address is freed when the Service goes away or
 * changes type.
 */
export class LoadBalancerIPAllocator {
  private readonly range: IPv4Range | undefined;
  private readonly byService: Map<string, string>;
  private readonly used: Set<string>;

  /** `range` is the parsed `pool`, when a clone already has it. */
  constructor(pool: string, byService?: Map<string, string>, range: IPv4Range | undefined = parseIPv4Range(pool)) {
    this.range = range;
    this.byService = byService ?? new Map();
    this.used = new Set(this.byService.values());
  }

  addressOf(serviceKey: string): string | undefined {
    return this.byService.get(serviceKey);
  }

  /** The Service's address: its current one, the requested spec.loadBalancerIP if free, or the first free one. */
  assign(serviceKey: string, requested?: string): string | undefined {
    const current = this.byService.get(serviceKey);
    if (current !== undefined && (requested === undefined || requested === current)) return current;
    if (current !== undefined) this.release(serviceKey);
    const range = this.range;
    if (!range) return undefined;
    if (requested !== undefined) {
      const offset = offsetOf(range, requested);
      if (offset === undefined || this.used.has(requested)) return undefined;
      return this.take(serviceKey, requested);
    }
    for (let offset = 1; offset < range.size - 1; offset++) {
      const ip = addressAt(range, offset);
      if (!this.used.has(ip)) return this.take(serviceKey, ip);
    }
    return undefined;
  }

  release(serviceKey: string): void {
    const ip = this.byService.get(serviceKey);
    if (ip === undefined) return;
    this.byService.delete(serviceKey);
    this.used.delete(ip);
  }

  serviceKeys(): string[] {
    return [...this.byService.keys()];
  }

  clone(): LoadBalancerIPAllocator {
    return new LoadBalancerIPAllocator(this.range?.cidr ?? "", new Map(this.byService), this.range);
  }

  private take(serviceKey: string, ip: string): string {
    this.byService.set(serviceKey, ip);
    this.used.add(ip);
    return ip;
  }
}
