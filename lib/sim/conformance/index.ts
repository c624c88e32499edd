export { runConformanceCase, runConformanceFile } from "./run-conformance-case";
export { evaluateConformanceCase, evaluateConformanceFile } from "./evaluate-conformance-case";
export { formatQueryFailure, formatQueryPass, type QueryResult } from "./query-result";
export type { ConformanceSimulator } from "./conformance-simulator";
export type { ConformanceCase, ConformanceQuery, ClusterOptions } from "./conformance-case";
