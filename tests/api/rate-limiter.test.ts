import { describe, expect, test } from "vitest";
import { firstRefusal, RateLimiter } from "@/lib/api/rate-limiter";

function clocked(capacity: number, perSecond: number) {
  let now = 1_000_000;
  const limiter = new RateLimiter(capacity, perSecond, () => now);
  return { limiter, advance: (ms: number) => void (now += ms) };
}

describe("RateLimiter", () => {
  test("a full bucket lets `capacity` requests through at once, then refuses with the seconds to wait", () => {
    const { limiter } = clocked(3, 0.5);
    expect([1, 2, 3].map(() => limiter.take("a").allowed)).toEqual([true, true, true]);
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 2 });
    expect(limiter.take("b").allowed).toBe(true);
  });

  test.each([
    { label: "just before one token is back", ms: 199, allowed: false },
    { label: "once one token is back", ms: 200, allowed: true },
  ])("refills at perSecond: $label", ({ ms, allowed }) => {
    const { limiter, advance } = clocked(1, 5);
    limiter.take("a");
    advance(ms);
    expect(limiter.take("a").allowed).toBe(allowed);
  });

  test("a wall clock stepped back drains nothing, and refills nothing until it catches up", () => {
    const { limiter, advance } = clocked(2, 1);
    limiter.take("a");
    advance(-60_000);
    expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("a").allowed).toBe(false);
    advance(60_000);
    expect(limiter.take("a").allowed).toBe(false);
    advance(1000);
    expect(limiter.take("a").allowed).toBe(true);
  });

  test("keys whose buckets are full again are forgotten once there are many", () => {
    const { limiter, advance } = clocked(1, 1);
    for (let i = 0; i <= 10_000; i++) limiter.take(`k${i}`);
    advance(5000);
    limiter.take("fresh");
    expect(limiter.take("k1").allowed).toBe(true);
    expect((limiter as unknown as { buckets: Map<string, unknown> }).buckets.size).toBeLessThan(10);
  });
});

describe("firstRefusal", () => {
  test.each([
    { label: "all allow", answers: [{ allowed: true as const }, { allowed: true as const }], expected: { allowed: true } },
    { label: "the second refuses", answers: [{ allowed: true as const }, { allowed: false as const, retryAfterSeconds: 4 }], expected: { allowed: false, retryAfterSeconds: 4 } },
    { label: "both refuse", answers: [{ allowed: false as const, retryAfterSeconds: 1 }, { allowed: false as const, retryAfterSeconds: 9 }], expected: { allowed: false, retryAfterSeconds: 1 } },
  ])("$label", ({ answers, expected }) => {
    expect(firstRefusal(...answers)).toEqual(expected);
  });
});
