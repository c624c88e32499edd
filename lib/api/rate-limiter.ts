export type RateLimitAnswer = { allowed: true } | { allowed: false; retryAfterSeconds: number };

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

/**
 * The limit a write route puts on one learner: a bucket per learner cookie; before the first write, a bucket per
 * claimed address and, because X-Forwarded-For is the client's to write, one bucket all visitors share.
 */
export class LearnerRateLimit {
  private readonly learners: RateLimiter;
  private readonly visitors: RateLimiter;

  constructor(perLearner: { capacity: number; perSecond: number }, allVisitors: { capacity: number; perSecond: number }, now?: () => number) {
    this.learners = new RateLimiter(perLearner.capacity, perLearner.perSecond, now);
    this.visitors = new RateLimiter(allVisitors.capacity, allVisitors.perSecond, now);
  }

  take(learnerId: string | null, request: Request): RateLimitAnswer {
    if (learnerId) return this.learners.take(learnerId);
    // The shared bucket is drawn from only by requests their own address allows: one noisy address cannot
    // empty it for every other visitor.
    const own = this.learners.take(`address:${request.headers.get("x-forwarded-for") ?? "unknown"}`);
    return own.allowed ? this.visitors.take("visitors") : own;
  }
}
