import type { ClusterConfig } from "../config";
import type { ConformanceSimulator } from "./conformance-simulator";
import type { ValidateQuery } from "./conformance-case";
import { expectEqual, type QueryVerdict } from "./query-result";

export function formatValidateSummary(query: ValidateQuery): string {
  const { kind, metadata } = query.object as { kind?: unknown; metadata?: { name?: unknown } };
  const name = metadata && typeof metadata.name === "string" ? metadata.name : "<unnamed>";
  return `validate ${typeof kind === "string" ? kind : "<no kind>"}/${name}${query.field ? ` ${query.field}` : ""}`;
}

/**
 * What `kubectl create` would be told: the API server's admission (defaults, then validation) for a
 * create. When the case names a `field`, the rejection must report that field path among its causes.
 */
export function expectValidate(sim: ConformanceSimulator, config: ClusterConfig, query: ValidateQuery): QueryVerdict {
  const result = sim.admitObject(query.object, { operation: "create", config });
  if (result.ok) {
    return expectEqual(query.expect === "invalid" && query.field ? `invalid at ${query.field}` : query.expect, "valid");
  }
  const fields = (result.error.causes ?? []).map((c) => c.field);
  if (query.expect === "valid") return expectEqual("valid", `invalid: ${result.error.message}`);
  if (query.field === undefined) return expectEqual("invalid", "invalid");
  const got = fields.includes(query.field) ? `invalid at ${query.field}` : `invalid at [${fields.join(", ")}]: ${result.error.message}`;
  return expectEqual(`invalid at ${query.field}`, got);
}
