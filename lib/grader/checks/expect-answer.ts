import { checkResult, type CheckResult } from "../check-result";
import type { CheckContext } from "../check-context";
import type { CheckSpec } from "../exercise-definition";

type AnswerSpec = Extract<CheckSpec, { type: "answer" }>;

/**
 * A question the learner answers from what their commands showed. The expected value is read from the cluster
 * the replayed commands produced, so it is right for this learner's sandbox, not a value copied from a script.
 */
export function expectAnswer(context: CheckContext, spec: AnswerSpec): CheckResult {
  const given = (context.answers?.[spec.id] ?? "").trim();
  if (!given) return checkResult(spec, { status: "fail", message: `no answer yet: ${spec.question}`, explanation: [] });
  const accepted = acceptedAnswers(context, spec);
  if (accepted.length === 0) return checkResult(spec, { status: "fail", message: `${spec.question} — there is nothing to find yet (${describe(spec)})`, explanation: [] });
  return accepted.includes(given)
    ? checkResult(spec, { status: "pass", message: `${given} is right`, explanation: [] })
    : checkResult(spec, { status: "fail", message: `${given} is not it. ${spec.question}`, counterexample: `expected ${describe(spec)}`, explanation: [] });
}

function acceptedAnswers(context: CheckContext, spec: AnswerSpec): string[] {
  if ("oneOf" in spec.expect) return spec.expect.oneOf;
  const [namespace, name] = spec.expect.endpointIPOf.split("/");
  const endpoints = context.state.get("Endpoints", name, namespace);
  return (endpoints?.subsets ?? []).flatMap((s) => (s.addresses ?? []).map((a) => a.ip));
}

function describe(spec: AnswerSpec): string {
  return "oneOf" in spec.expect ? `one of ${spec.expect.oneOf.join(", ")}` : `a ready endpoint IP of Service ${spec.expect.endpointIPOf}`;
}
