export type RateLimitAnswer = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Several buckets guard one request: it goes through only if every one of them let it. */
export function firstRefusal(...answers: RateLimitAnswer[]): RateLimitAnswer {
  return answers.find((answer) => !answer.allowed) ?? { allowed: true };
}

/**
 * A token bucket per key: `capacity` requests at once, refilled at `perSecond`. Kept in the process's memory,
 * so with several replicas each enforces its own share — enough to stop a runaway client, which is its job.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updated: number }>();

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Takes a token; answers how many seconds to wait when none is left. */
  take(key: string): RateLimitAnswer {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, updated: now };
    // A wall clock stepped back (NTP) must not drain every bucket: time that went backwards refills nothing.
    const elapsed = Math.max(0, now - bucket.updated);
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (elapsed / 1000) * this.perSecond);
    bucket.updated = Math.max(bucket.updated, now);
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.evictFull(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / this.perSecond) };
  }

  private evictFull(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.updated) / 1000) * this.perSecond >= this.capacity) this.buckets.delete(key);
    }
  }
}
