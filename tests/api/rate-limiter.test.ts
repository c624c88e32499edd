import { describe, expect, test } from "vitest";
import { LearnerRateLimit, RateLimiter } from "@/lib/api/rate-limiter";

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

describe("LearnerRateLimit", () => {
  const request = (address?: string) => new Request("http://lab.test/", { headers: address ? { "x-forwarded-for": address } : {} });
  const limit = () => new LearnerRateLimit({ capacity: 2, perSecond: 1 }, { capacity: 3, perSecond: 1 }, () => 0);

  test("a learner has their own bucket, wherever the request claims to come from", () => {
    const limiter = limit();
    expect([limiter.take("l1", request("a")), limiter.take("l1", request("b")), limiter.take("l1", request("c"))].map((a) => a.allowed)).toEqual([true, true, false]);
    expect(limiter.take("l2", request("a")).allowed).toBe(true);
  });

  test("visitors have a bucket per claimed address and one they all share, drawn only by requests their address allows", () => {
    const limiter = limit();
    expect([limiter.take(null, request("a")), limiter.take(null, request("a")), limiter.take(null, request("a"))].map((a) => a.allowed)).toEqual([true, true, false]);
    expect(limiter.take(null, request("b")).allowed).toBe(true);
    expect(limiter.take(null, request("c")).allowed).toBe(false);
    expect(limiter.take("l1", request("c")).allowed).toBe(true);
  });

  test("an address cannot pose as a learner id", () => {
    const limiter = limit();
    limiter.take("10.0.0.1", request());
    limiter.take("10.0.0.1", request());
    expect(limiter.take(null, request("10.0.0.1")).allowed).toBe(true);
  });
});
