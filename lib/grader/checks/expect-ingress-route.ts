import { routeIngress } from "@/lib/sim/ingress/route-ingress";
import { checkResult, type CheckResult } from "../check-result";
import { learnerPosition, type CheckContext } from "../check-context";
import type { CheckSpec } from "../exercise-definition";

type IngressRouteSpec = Extract<CheckSpec, { type: "ingress-route" }>;

/** Which backend the cluster's Ingress rules send a URL to (host, then path: Exact before Prefix, longest first). */
export function expectIngressRoute(context: CheckContext, spec: IngressRouteSpec): CheckResult {
  const url = new URL(spec.url);
  const scheme = url.protocol === "https:" ? "https" : "http";
  const route = routeIngress(context.state, { host: url.hostname, path: url.pathname || "/", scheme });
  const service = route?.backend.service;
  const got = service ? `${service.namespace}/${service.name}:${service.port}` : "no backend (404 from the controller's default backend)";
  const expected = spec.expect ? `${spec.expect.service}:${spec.expect.port}` : "no backend (404)";
  const passed = spec.expect
    ? !!service && `${service.namespace}/${service.name}` === spec.expect.service && String(service.port) === String(spec.expect.port)
    : !service;
  const hops = route?.hops ?? [];
  return passed
    ? checkResult(spec, { status: "pass", message: `${spec.url} → ${got}`, explanation: hops })
    : checkResult(spec, {
        status: "fail",
        message: `${spec.url} goes to ${got}; expected ${expected}`,
        counterexample: `GET ${spec.url} → ${got}`,
        explanation: hops,
        position: learnerPosition(context, hops),
      });
}
