import { describe, expect, test } from "vitest";
import { NodePortAllocator } from "@/lib/sim/alloc/node-port-allocator";
import { SeededRandom } from "@/lib/sim/alloc/seeded-random";

const make = () => new NodePortAllocator([30000, 32767], new SeededRandom(3));

describe("NodePortAllocator (pkg/registry/core/service/portallocator)", () => {
  test.each([
    { label: "in range", port: 30080, expected: { ok: true, value: 30080 } },
    { label: "lowest", port: 30000, expected: { ok: true, value: 30000 } },
    { label: "highest", port: 32767, expected: { ok: true, value: 32767 } },
    { label: "below", port: 29999, expected: { ok: false, error: "provided port is not in the valid range. The range of valid ports is 30000-32767" } },
    { label: "above", port: 32768, expected: { ok: false, error: "provided port is not in the valid range. The range of valid ports is 30000-32767" } },
  ])("requested port $label", ({ port, expected }) => {
    expect(make().allocate(port)).toEqual(expected);
  });

  test("a taken port is refused and free again after release", () => {
    const allocator = make();
    allocator.allocate(30080);
    expect(allocator.allocate(30080)).toEqual({ ok: false, error: "provided port is already allocated" });
    allocator.release(30080);
    expect(allocator.allocate(30080)).toEqual({ ok: true, value: 30080 });
  });

  test("dynamic ports avoid the static band while it can (KEP-3668: the lowest 86 of 2768)", () => {
    const allocator = make();
    for (let i = 0; i < 200; i++) {
      const result = allocator.allocateNext();
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.value).toBeGreaterThanOrEqual(30086);
    }
  });
});
