import { isTrafficAllowed } from "@/lib/sim/netpol/is-traffic-allowed";
import type { Pod } from "@/lib/sim/objects/kinds";
import { checkResult, type CheckResult } from "../check-result";
import { learnerPosition, type CheckContext } from "../check-context";
import type { CheckSpec } from "../exercise-definition";

type ConnectivitySpec = Extract<CheckSpec, { type: "connectivity" }>;

/**
 * The whole matrix at once, workloads named `ns/app` by their app label: every listed pair must be allowed and
 * every other pair denied. The first wrong cell is the counterexample, with the policy trace that decided it.
 */
export function expectConnectivity(context: CheckContext, spec: ConnectivitySpec): CheckResult {
  const pods = spec.namespaces.flatMap((ns) => context.state.list("Pod", ns)).filter((p) => p.status?.phase === "Running");
  const allowed = new Set(spec.allowed);
  const protocol = spec.protocol ?? "TCP";
  const wrong: { pair: string; got: boolean; source: Pod; destination: Pod }[] = [];
  for (const source of pods) {
    for (const destination of pods) {
      if (source === destination) continue;
      const pair = `${workload(source)} -> ${workload(destination)}`;
      if (workload(source) === workload(destination)) continue;
      const got = isTrafficAllowed(context.state, {
        source: { kind: "pod", pod: source },
        destination: { kind: "pod", pod: destination },
        port: spec.port,
        protocol,
      }).allowed;
      if (got !== allowed.has(pair)) wrong.push({ pair, got, source, destination });
    }
  }
  if (wrong.length === 0) {
    return checkResult(spec, { status: "pass", message: `all ${pods.length * (pods.length - 1)} pod pairs on ${protocol}/${spec.port} are as required`, explanation: [] });
  }
  const first = wrong[0];
  const verdict = isTrafficAllowed(context.state, {
    source: { kind: "pod", pod: first.source },
    destination: { kind: "pod", pod: first.destination },
    port: spec.port,
    protocol,
  });
  return checkResult(spec, {
    status: "fail",
    message: `${new Set(wrong.map((w) => w.pair)).size} workload pair(s) differ from the target matrix`,
    counterexample: `${first.pair} on ${protocol}/${spec.port} is ${first.got ? "ALLOWED" : "DENIED"} but must be ${first.got ? "DENIED" : "ALLOWED"}`,
    explanation: verdict.hops,
    position: learnerPosition(context, verdict.hops),
  });
}

function workload(pod: Pod): string {
  return `${pod.metadata.namespace}/${pod.metadata.labels?.app ?? pod.metadata.name}`;
}
