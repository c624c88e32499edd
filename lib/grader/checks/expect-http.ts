import { httpRequest } from "@/lib/sim/network/http-request";
import { checkResult, type CheckResult } from "../check-result";
import { decisiveSummary, learnerPosition, type CheckContext } from "../check-context";
import type { CheckSpec } from "../exercise-definition";
import { resolvePeer } from "../resolve-peer";

type HttpSpec = Extract<CheckSpec, { type: "http" }>;

/** An HTTP request end to end (DNS, Service or Ingress, policy, backend) and the status it gets. */
export function expectHttp(context: CheckContext, spec: HttpSpec): CheckResult {
  const from = resolvePeer(context.state, spec.from);
  if (!from.ok) return checkResult(spec, { status: "fail", message: from.message, explanation: [] });
  const result = httpRequest(context.state, {
    from: from.peer,
    url: spec.url,
    method: spec.method ?? "GET",
    headers: spec.headers,
    bodyBytes: spec.bodyBytes,
  });
  const request = `${spec.method ?? "GET"} ${spec.url}${spec.bodyBytes ? ` with a ${formatBytes(spec.bodyBytes)} body` : ""} from ${from.label}`;
  const got = result.status !== undefined ? `HTTP ${result.status}` : `no response (${result.outcome})`;
  const location = headerValue(result.headers, "location");
  const problems: string[] = [];
  if (result.status !== spec.expect.status) problems.push(`got ${got}, expected HTTP ${spec.expect.status}`);
  if (spec.expect.location !== undefined && location !== spec.expect.location) problems.push(`Location is ${location ?? "absent"}, expected ${spec.expect.location}`);
  if (spec.expect.bodyContains !== undefined && !(result.body ?? "").includes(spec.expect.bodyContains))
    problems.push(`the body does not contain "${spec.expect.bodyContains}"`);
  if (problems.length === 0) return checkResult(spec, { status: "pass", message: `${request} → ${got}`, explanation: result.hops });
  return checkResult(spec, {
    status: "fail",
    message: `${request}: ${problems.join("; ")}`,
    counterexample: `${request} → ${got}; ${decisiveSummary(result.hops) ?? ""}`.replace(/; $/, ""),
    explanation: result.hops,
    position: learnerPosition(context, result.hops),
  });
}

function headerValue(headers: Readonly<Record<string, string>> | undefined, name: string): string | undefined {
  const key = Object.keys(headers ?? {}).find((k) => k.toLowerCase() === name);
  return key ? headers![key] : undefined;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MiB` : `${bytes} B`;
}
