/** One line of the benchmark table: a named measurement over repeated samples. */
export interface BenchRow {
  name: string;
  samples: number;
  medianMs: number;
  p99Ms: number;
  /** Further figures for this row (peak heap, requests/s, …), printed after the timings. */
  extra?: Record<string, string | number>;
}

/** Times `fn` `samples` times after `warmup` untimed runs; median and p99 by nearest rank. */
export async function measure(name: string, samples: number, fn: () => unknown, warmup = 5): Promise<BenchRow> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return { name, samples, ...summarize(times) };
}

export function summarize(times: readonly number[]): { medianMs: number; p99Ms: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return { medianMs: rank(0.5), p99Ms: rank(0.99) };
}
