import type { CheckResult } from "./check-result";
import type { CheckContext } from "./check-context";
import type { CheckSpec } from "./exercise-definition";
import { expectReachability } from "./checks/expect-reachability";
import { expectEndpoints } from "./checks/expect-endpoints";
import { expectDns } from "./checks/expect-dns";
import { expectIngressRoute } from "./checks/expect-ingress-route";
import { expectHttp } from "./checks/expect-http";
import { expectObject } from "./checks/expect-object";
import { expectConnectivity } from "./checks/expect-connectivity";
import { expectAnswer } from "./checks/expect-answer";
import { assertNever } from "@/lib/sim/result";

/**
 * Runs one check. A check that crashes is an `error` result carrying the message (Exercism's "error" status),
 * never an exception in the UI.
 */
export function runCheck(context: CheckContext, spec: CheckSpec, applied: CheckResult | undefined): CheckResult {
  try {
    switch (spec.type) {
      case "applies":
        return applied ?? { id: spec.id, title: spec.title, task: spec.task, status: "pass", message: "every object was accepted", explanation: [] };
      case "reachability":
        return expectReachability(context, spec);
      case "endpoints":
        return expectEndpoints(context, spec);
      case "dns":
        return expectDns(context, spec);
      case "ingress-route":
        return expectIngressRoute(context, spec);
      case "http":
        return expectHttp(context, spec);
      case "object":
        return expectObject(context, spec);
      case "connectivity":
        return expectConnectivity(context, spec);
      case "answer":
        return expectAnswer(context, spec);
      default:
        return assertNever(spec);
    }
  } catch (error) {
    return {
      id: spec.id,
      title: spec.title,
      task: spec.task,
      status: "error",
      message: `the check could not run: ${error instanceof Error ? error.message : String(error)}`,
      explanation: [],
    };
  }
}
