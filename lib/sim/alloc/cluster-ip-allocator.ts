import { err, ok, type Result } from "../result";
import { addressAt, offsetOf, parseIPv4Range, type IPv4Range } from "./ipv4-range";
import type { SeededRandom } from "./seeded-random";

/**
 * Service ClusterIPs from the service CIDR, as kube-apiserver's ipallocator hands them out
 * (kubernetes/kubernetes pkg/registry/core/service/ipallocator/bitmap.go):
 * - the network and broadcast addresses of an IPv4 range are never allocated;
 * - a requested IP must lie in the range and be free, otherwise ErrNotInRange / ErrAllocated;
 * - dynamic allocation draws at random from the upper band first, leaving the lower band to static
 *   requests (KEP-3070, https://kubernetes.io/docs/concepts/services-networking/cluster-ip-allocation/#avoid-ClusterIP-conflict:
 *   the band is min(max(16, size/16), 256) addresses).
 * Errors are the reason strings the API server embeds in `failed to allocate IP …: <reason>`.
 */
export class ClusterIPAllocator {
  private readonly range: IPv4Range | undefined;
  private readonly used: Set<string>;

  constructor(
    cidr: string,
    readonly random: SeededRandom,
    used?: Set<string>,
    /** The parsed `cidr`, when a clone already has it. */
    range: IPv4Range | undefined = parseIPv4Range(cidr),
  ) {
    this.range = range;
    this.used = used ?? new Set();
  }

  get cidr(): string {
    return this.range?.cidr ?? "";
  }

  has(ip: string): boolean {
    return this.used.has(ip);
  }

  /** Checks a requested IP without taking it. */
  check(ip: string): Result<string, string> {
    const offset = this.range ? offsetOf(this.range, ip) : undefined;
    if (!this.range || offset === undefined || offset === 0 || offset === this.range.size - 1) {
      return err(`the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${this.cidr}`);
    }
    if (this.used.has(ip)) return err("provided IP is already allocated");
    return ok(ip);
  }

  allocate(ip: string): Result<string, string> {
    const checked = this.check(ip);
    if (checked.ok) this.used.add(ip);
    return checked;
  }

  /** Reserves an address a snapshot already holds, even if it collides: state is taken as given. */
  reserve(ip: string): void {
    this.used.add(ip);
  }

  allocateNext(): Result<string, string> {
    const range = this.range;
    if (!range || range.size < 4) return err("range is full");
    const usable = range.size - 2;
    const band = Math.min(Math.max(16, Math.floor(range.size / 16)), 256);
    const upperStart = usable > band ? band : 1;
    const pick = (from: number, to: number): string | undefined => {
      const span = to - from + 1;
      if (span <= 0) return undefined;
      const start = this.random.int(span);
      for (let i = 0; i < span; i++) {
        const ip = addressAt(range, from + ((start + i) % span));
        if (!this.used.has(ip)) return ip;
      }
      return undefined;
    };
    const ip = pick(upperStart, range.size - 2) ?? pick(1, upperStart - 1);
    if (ip === undefined) return err("range is full");
    this.used.add(ip);
    return ok(ip);
  }

  release(ip: string): void {
    this.used.delete(ip);
  }

  clone(): ClusterIPAllocator {
    return new ClusterIPAllocator(this.cidr, this.random.clone(), new Set(this.used), this.range);
  }
}
