import { connect } from "@/lib/sim/network/connect";
import { checkResult, type CheckResult } from "../check-result";
import { decisiveSummary, learnerPosition, type CheckContext } from "../check-context";
import type { CheckSpec } from "../exercise-definition";
import { resolvePeer } from "../resolve-peer";
import { adviseOnReachability } from "../advise/advise-on-reachability";

type ReachabilitySpec = Extract<CheckSpec, { type: "reachability" }>;

/** `host:port` or a URL → host and port (URLs default to 80/443 by scheme). */
export function parseTarget(to: string): { host: string; port: number } | undefined {
  if (/^[a-z]+:\/\//i.test(to)) {
    try {
      const url = new URL(to);
      return { host: url.hostname, port: url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80 };
    } catch {
      return undefined;
    }
  }
  const match = /^(.+):([0-9]{1,5})$/.exec(to);
  return match ? { host: match[1], port: Number(match[2]) } : undefined;
}

/**
 * Can `from` open a connection to `to`? Allowed means the connection is established (DNS resolved, a Service
 * endpoint was chosen, policy admitted it and something listens); denied means it is not.
 */
export function expectReachability(context: CheckContext, spec: ReachabilitySpec): CheckResult {
  const target = parseTarget(spec.to);
  if (!target) return checkResult(spec, { status: "error", message: `the check's target "${spec.to}" is not host:port or a URL`, explanation: [] });
  const from = resolvePeer(context.state, spec.from);
  if (!from.ok) return checkResult(spec, { status: "fail", message: from.message, explanation: [] });
  const result = connect(context.state, { from: from.peer, host: target.host, port: target.port, protocol: spec.protocol ?? "TCP" });
  const reached = result.outcome === "connected";
  const passed = reached === (spec.expect === "allow");
  const verb = reached ? "ALLOWED" : describeFailure(result.outcome);
  const flow = `${from.label} → ${target.host}:${target.port}`;
  if (passed) {
    return checkResult(spec, { status: "pass", message: `${flow} is ${reached ? "allowed" : "blocked"}, as required`, explanation: result.hops });
  }
  return checkResult(spec, {
    status: "fail",
    message: `${flow} is ${verb} but must be ${spec.expect === "allow" ? "ALLOWED" : "DENIED"}`,
    counterexample: `${flow} is ${verb}; ${decisiveSummary(result.hops) ?? "no step explained it"}`,
    advice: adviseOnReachability(context, result, spec.expect),
    explanation: result.hops,
    position: learnerPosition(context, result.hops),
  });
}

function describeFailure(outcome: string): string {
  switch (outcome) {
    case "refused":
      return "REFUSED";
    case "timeout":
      return "DENIED (it times out)";
    case "dns-failure":
      return "UNRESOLVED (the name does not resolve)";
    default:
      return outcome.toUpperCase();
  }
}
