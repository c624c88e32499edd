/**
 * The simulated clock. Time only moves when a caller advances it, so every creationTimestamp, AGE column
 * and event time is a function of the inputs (the design's "deterministic by construction").
 */
export class SimClock {
  private epochMs: number;
  private formatted: { ms: number; text: string } | undefined;

  constructor(start: string | number) {
    const ms = typeof start === "number" ? start : Date.parse(start);
    this.epochMs = Number.isFinite(ms) ? ms : 0;
  }

  now(): Date {
    return new Date(this.epochMs);
  }

  /**
   * RFC 3339 at second precision, as metav1.Time serialises (`2025-05-01T09:00:00Z`;
   * kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/time.go MarshalJSON).
   */
  timestamp(): string {
    if (this.formatted?.ms !== this.epochMs) this.formatted = { ms: this.epochMs, text: formatTimestamp(this.epochMs) };
    return this.formatted.text;
  }

  /** Moves time forward; negative or non-finite steps are ignored, because a clock never runs backwards. */
  advance(ms: number): void {
    if (Number.isFinite(ms) && ms > 0) this.epochMs += Math.floor(ms);
  }

  clone(): SimClock {
    return new SimClock(this.epochMs);
  }
}

export function formatTimestamp(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace(".000Z", "Z");
}
