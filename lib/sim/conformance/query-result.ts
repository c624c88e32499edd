/**
 * The outcome of one conformance query, shaped like a test-runner line: which case and query, what the
 * upstream source expects and what the simulator answered, both as short readable text.
 */
export interface QueryResult {
  caseId: string;
  /** 0-based position of the query in its case; -1 when the case itself could not be run. */
  index: number;
  /** `connect x/b -> x/a TCP/80`, `dns web.prod from shop`. */
  summary: string;
  passed: boolean;
  expected: string;
  got: string;
}

export interface QueryVerdict {
  passed: boolean;
  expected: string;
  got: string;
}

export function expectEqual(expected: string, got: string): QueryVerdict {
  return { passed: expected === got, expected, got };
}

/** A query that could not be answered at all (bad reference, malformed query, rejected manifest). */
export function failedVerdict(expected: string, problem: string): QueryVerdict {
  return { passed: false, expected, got: problem };
}

/** The runner's `FAIL <case id> #<query index> <query summary>: expected <x>, got <y>` line. */
export function formatQueryFailure(result: QueryResult): string {
  const index = result.index >= 0 ? `#${result.index}` : "#-";
  return `FAIL ${result.caseId} ${index} ${result.summary}: expected ${result.expected}, got ${result.got}`;
}

export function formatQueryPass(result: QueryResult): string {
  const index = result.index >= 0 ? `#${result.index}` : "#-";
  return `PASS ${result.caseId} ${index} ${result.summary}: ${result.got}`;
}
