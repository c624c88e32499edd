import { DEFAULT_CLUSTER_CONFIG, type ClusterConfig } from "../config";
import type { ClusterState } from "../cluster-state";
import type { ManifestObject } from "../objects/meta";
import type { ConformanceSimulator } from "./conformance-simulator";
import {
  QUERY_SCHEMAS,
  conformanceCaseSchema,
  conformanceFileSchema,
  formatSchemaIssues,
  type ConformanceCase,
  type ConformanceQuery,
  type QueryType,
} from "./conformance-case";
import { expectConnect, formatConnectSummary } from "./expect-connect";
import { expectDns, formatDnsSummary } from "./expect-dns";
import { expectEndpoints, formatEndpointsSummary } from "./expect-endpoints";
import { expectIngress, formatIngressSummary } from "./expect-ingress";
import { expectValidate, formatValidateSummary } from "./expect-validate";
import { failedVerdict, type QueryResult, type QueryVerdict } from "./query-result";

function isQueryType(type: unknown): type is QueryType {
  return typeof type === "string" && Object.prototype.hasOwnProperty.call(QUERY_SCHEMAS, type);
}

function formatQuerySummary(query: ConformanceQuery): string {
  switch (query.type) {
    case "connect":
      return formatConnectSummary(query);
    case "ingress":
      return formatIngressSummary(query);
    case "endpoints":
      return formatEndpointsSummary(query);
    case "dns":
      return formatDnsSummary(query);
    case "validate":
      return formatValidateSummary(query);
  }
}

function answerQuery(sim: ConformanceSimulator, state: ClusterState, config: ClusterConfig, query: ConformanceQuery): QueryVerdict {
  switch (query.type) {
    case "connect":
      return expectConnect(sim, state, query);
    case "ingress":
      return expectIngress(sim, state, query);
    case "endpoints":
      return expectEndpoints(state, query);
    case "dns":
      return expectDns(sim, state, query);
    case "validate":
      return expectValidate(sim, config, query);
  }
}

/** Checks one raw query against the schema of its type; a problem is returned as text. */
function parseQuery(raw: unknown): ConformanceQuery | string {
  const type = (raw as { type?: unknown } | null)?.type;
  if (!isQueryType(type)) return `unknown query type ${JSON.stringify(type ?? null)}`;
  const parsed = QUERY_SCHEMAS[type].safeParse(raw);
  return parsed.success ? (parsed.data as ConformanceQuery) : `invalid ${type} query: ${formatSchemaIssues(parsed.error)}`;
}

function describeRawQuery(raw: unknown): string {
  const type = (raw as { type?: unknown } | null)?.type;
  return typeof type === "string" ? type : "query";
}

/**
 * Answers every query of one case against a fresh cluster holding its manifests as state. A manifest the
 * cluster rejects fails every query with the rejection message; a malformed query fails alone; nothing
 * throws out of here for any input, because a case file is untrusted data.
 */
export function evaluateConformanceCase(sim: ConformanceSimulator, raw: unknown, position = 0): QueryResult[] {
  const parsedCase = conformanceCaseSchema.safeParse(raw);
  if (!parsedCase.success) {
    const id = (raw as { id?: unknown } | null)?.id;
    return [
      {
        caseId: typeof id === "string" && id ? id : `case[${position}]`,
        index: -1,
        summary: "case",
        passed: false,
        expected: "a valid case",
        got: formatSchemaIssues(parsedCase.error),
      },
    ];
  }
  const c: ConformanceCase = parsedCase.data;
  const { addons = [], ...cni } = c.cluster ?? {};
  const configOverrides: Partial<ClusterConfig> = cni;
  const config: ClusterConfig = { ...DEFAULT_CLUSTER_CONFIG, ...configOverrides };

  let state: ClusterState | undefined;
  let loadProblem: string | undefined;
  try {
    const cluster = sim.createCluster(configOverrides, [...new Set(addons)]);
    const rejected = cluster.load(c.manifests as ManifestObject[]).flatMap((r) => (r.ok ? [] : [r.error.message]));
    if (rejected.length > 0) loadProblem = `manifest rejected: ${rejected.join("; ")}`;
    state = cluster.state;
  } catch (error) {
    loadProblem = `simulator error while loading manifests: ${String(error)}`;
  }

  return c.queries.map((rawQuery, index): QueryResult => {
    const query = parseQuery(rawQuery);
    if (typeof query === "string") {
      return { caseId: c.id, index, summary: describeRawQuery(rawQuery), passed: false, expected: "a valid query", got: query };
    }
    const summary = formatQuerySummary(query);
    const expectedText = typeof query.expect === "string" ? query.expect : JSON.stringify(query.expect);
    let verdict: QueryVerdict;
    if (loadProblem !== undefined || state === undefined) {
      verdict = failedVerdict(expectedText, loadProblem ?? "no cluster");
    } else {
      try {
        verdict = answerQuery(sim, state, config, query);
      } catch (error) {
        verdict = failedVerdict(expectedText, `simulator error: ${String(error)}`);
      }
    }
    return { caseId: c.id, index, summary, ...verdict };
  });
}

/** A whole case file: a JSON array of cases. Anything else is one failure naming the file. */
export function evaluateConformanceFile(sim: ConformanceSimulator, json: unknown, file: string): QueryResult[] {
  const parsed = conformanceFileSchema.safeParse(json);
  if (!parsed.success) {
    return [{ caseId: file, index: -1, summary: "file", passed: false, expected: "a JSON array of cases", got: formatSchemaIssues(parsed.error) }];
  }
  return parsed.data.flatMap((raw, position) => evaluateConformanceCase(sim, raw, position));
}
