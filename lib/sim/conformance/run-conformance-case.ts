import type { ConformanceSimulator } from "./conformance-simulator";
import { defaultConformanceSimulator } from "./default-conformance-simulator";
import { evaluateConformanceCase, evaluateConformanceFile } from "./evaluate-conformance-case";
import type { QueryResult } from "./query-result";

/** Loads one case (raw JSON) into a fresh simulated cluster and answers its queries, in order. */
export function runConformanceCase(c: unknown, simulator: ConformanceSimulator = defaultConformanceSimulator): QueryResult[] {
  return evaluateConformanceCase(simulator, c);
}

/** Every case of a parsed case file; `file` names the file in failures about its shape. */
export function runConformanceFile(json: unknown, file: string, simulator: ConformanceSimulator = defaultConformanceSimulator): QueryResult[] {
  return evaluateConformanceFile(simulator, json, file);
}
