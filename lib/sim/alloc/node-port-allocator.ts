import { err, ok, type Result } from "../result";
import type { SeededRandom } from "./seeded-random";

/**
 * NodePorts from the --service-node-port-range, as kube-apiserver's portallocator hands them out
 * (kubernetes/kubernetes pkg/registry/core/service/portallocator/allocator.go): requested ports must be in
 * range and free; dynamic ones are random, preferring the upper band so the lower band stays free for
 * static requests (KEP-3668, https://kubernetes.io/docs/concepts/services-networking/service/#avoid-nodeport-collisions:
 * the band is min(max(16, size/32), 128) ports).
 */
export class NodePortAllocator {
  private readonly used: Set<number>;

  constructor(
    private readonly portRange: readonly [number, number],
    readonly random: SeededRandom,
    used?: Set<number>,
  ) {
    this.used = used ?? new Set();
  }

  get rangeText(): string {
    return `${this.portRange[0]}-${this.portRange[1]}`;
  }

  has(port: number): boolean {
    return this.used.has(port);
  }

  allocate(port: number): Result<number, string> {
    const [min, max] = this.portRange;
    if (!Number.isInteger(port) || port < min || port > max) {
      return err(`provided port is not in the valid range. The range of valid ports is ${this.rangeText}`);
    }
    if (this.used.has(port)) return err("provided port is already allocated");
    this.used.add(port);
    return ok(port);
  }

  reserve(port: number): void {
    this.used.add(port);
  }

  allocateNext(): Result<number, string> {
    const [min, max] = this.portRange;
    const size = max - min + 1;
    const band = Math.min(Math.max(16, Math.floor(size / 32)), 128);
    const pick = (from: number, to: number): number | undefined => {
      const span = to - from + 1;
      if (span <= 0) return undefined;
      const start = this.random.int(span);
      for (let i = 0; i < span; i++) {
        const port = from + ((start + i) % span);
        if (!this.used.has(port)) return port;
      }
      return undefined;
    };
    const port = size > band ? (pick(min + band, max) ?? pick(min, min + band - 1)) : pick(min, max);
    if (port === undefined) return err("range is full");
    this.used.add(port);
    return ok(port);
  }

  release(port: number): void {
    this.used.delete(port);
  }

  clone(): NodePortAllocator {
    return new NodePortAllocator(this.portRange, this.random.clone(), new Set(this.used));
  }
}
