import { resolveDns } from "@/lib/sim/dns/resolve-dns";
import { checkResult, type CheckResult } from "../check-result";
import type { CheckContext } from "../check-context";
import type { CheckSpec } from "../exercise-definition";

type DnsSpec = Extract<CheckSpec, { type: "dns" }>;

/** What a pod in `fromNamespace` gets back for `name` (search list and ndots applied, as its resolv.conf says). */
export function expectDns(context: CheckContext, spec: DnsSpec): CheckResult {
  const result = resolveDns(context.state, { name: spec.name, fromNamespace: spec.fromNamespace });
  const addresses = result.answers.filter((a) => a.type === "A").map((a) => a.data).sort();
  const cname = result.answers.find((a) => a.type === "CNAME")?.data;
  const got = result.rcode === "NXDOMAIN" ? "NXDOMAIN" : cname ? `CNAME ${cname}` : addresses.join(", ") || "no records";
  const expect = spec.expect;
  const passed =
    expect === "NXDOMAIN"
      ? result.rcode === "NXDOMAIN"
      : expect === "resolves"
        ? result.rcode === "NOERROR" && result.answers.length > 0
        : Array.isArray(expect)
          ? sameSet(addresses, expect)
          : trimDot(cname) === trimDot(expect.cname);
  const wanted = expect === "NXDOMAIN" ? "NXDOMAIN" : expect === "resolves" ? "an answer" : Array.isArray(expect) ? expect.join(", ") : `CNAME ${expect.cname}`;
  const tried = result.tried.length > 0 ? ` (tried ${result.tried.join(", ")})` : "";
  return passed
    ? checkResult(spec, { status: "pass", message: `${spec.name} from namespace ${spec.fromNamespace} → ${got}`, explanation: [] })
    : checkResult(spec, {
        status: "fail",
        message: `${spec.name} from namespace ${spec.fromNamespace} resolves to ${got}${tried}; expected ${wanted}`,
        explanation: [],
      });
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...b].sort().every((v, i) => v === [...a].sort()[i]);
}

function trimDot(name: string | undefined): string | undefined {
  return name?.replace(/\.$/, "").toLowerCase();
}
