import { describe, expect, test } from "vitest";
import { ClusterIPAllocator } from "@/lib/sim/alloc/cluster-ip-allocator";
import { SeededRandom } from "@/lib/sim/alloc/seeded-random";
import { isIPv4InCIDR, parseIPv4 } from "@/lib/sim/network/ipv4";

const make = (seed = 1) => new ClusterIPAllocator("10.96.0.0/12", new SeededRandom(seed));

describe("ClusterIPAllocator (pkg/registry/core/service/ipallocator)", () => {
  test.each([
    { label: "free address in range", request: "10.96.0.10", expected: { ok: true, value: "10.96.0.10" } },
    { label: "network address", request: "10.96.0.0", expected: { ok: false, error: "the provided IP (10.96.0.0) is not in the valid range. The range of valid IPs is 10.96.0.0/12" } },
    { label: "broadcast address", request: "10.111.255.255", expected: { ok: false, error: "the provided IP (10.111.255.255) is not in the valid range. The range of valid IPs is 10.96.0.0/12" } },
    { label: "outside the range", request: "10.0.0.5", expected: { ok: false, error: "the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12" } },
    { label: "not an IP", request: "web", expected: { ok: false, error: "the provided IP (web) is not in the valid range. The range of valid IPs is 10.96.0.0/12" } },
  ])("requested $label", ({ request, expected }) => {
    expect(make().allocate(request)).toEqual(expected);
  });

  test("a taken address is refused with the API server's reason", () => {
    const allocator = make();
    expect(allocator.allocate("10.96.0.5").ok).toBe(true);
    expect(allocator.allocate("10.96.0.5")).toEqual({ ok: false, error: "provided IP is already allocated" });
    allocator.release("10.96.0.5");
    expect(allocator.allocate("10.96.0.5").ok).toBe(true);
  });

  test("dynamic addresses come from the upper band, are unique and stay in range (KEP-3070)", () => {
    const allocator = make();
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const result = allocator.allocateNext();
      if (!result.ok) throw new Error(result.error);
      expect(isIPv4InCIDR(result.value, "10.96.0.0/12")).toBe(true);
      expect(parseIPv4(result.value)! - parseIPv4("10.96.0.0")!).toBeGreaterThanOrEqual(256);
      expect(seen.has(result.value)).toBe(false);
      seen.add(result.value);
    }
  });

  test("the same seed gives the same sequence; another seed another one", () => {
    const draw = (seed: number) => Array.from({ length: 5 }, () => {
      const r = make(seed).allocateNext();
      return r.ok ? r.value : r.error;
    });
    const a = make(7);
    const b = make(7);
    const seqA = Array.from({ length: 5 }, () => (a.allocateNext() as { value: string }).value);
    const seqB = Array.from({ length: 5 }, () => (b.allocateNext() as { value: string }).value);
    expect(seqA).toEqual(seqB);
    expect(draw(7)).not.toEqual(draw(8));
  });

  test("a small range falls back to the lower band and then reports full", () => {
    const allocator = new ClusterIPAllocator("10.0.0.0/29", new SeededRandom(1));
    const got = Array.from({ length: 6 }, () => allocator.allocateNext());
    expect(got.every((r) => r.ok)).toBe(true);
    expect(allocator.allocateNext()).toEqual({ ok: false, error: "range is full" });
  });
});
