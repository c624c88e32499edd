import { isKind } from "@/lib/sim/objects/kinds";
import { checkResult, type CheckResult } from "../check-result";
import type { CheckContext } from "../check-context";
import type { CheckSpec } from "../exercise-definition";

type ObjectSpec = Extract<CheckSpec, { type: "object" }>;

/** An object exists (or not) and carries given field values, read by field path (`spec.ports[0].nodePort`). */
export function expectObject(context: CheckContext, spec: ObjectSpec): CheckResult {
  const label = `${spec.kind} ${spec.namespace ? `${spec.namespace}/` : ""}${spec.name}`;
  if (!isKind(spec.kind)) return checkResult(spec, { status: "error", message: `the check names an unknown kind ${spec.kind}`, explanation: [] });
  const object = context.state.get(spec.kind, spec.name, spec.namespace);
  const wantExists = spec.expect.exists ?? true;
  if (!object) {
    return wantExists
      ? checkResult(spec, { status: "fail", message: `${label} does not exist`, explanation: [] })
      : checkResult(spec, { status: "pass", message: `${label} does not exist`, explanation: [] });
  }
  if (!wantExists) return checkResult(spec, { status: "fail", message: `${label} exists but must not`, explanation: [] });
  const source = context.state.sourceOf(object);
  for (const [path, expected] of Object.entries(spec.expect.fields ?? {})) {
    const actual = readField(object, path);
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      return checkResult(spec, {
        status: "fail",
        message: `${label}: ${path} is ${JSON.stringify(actual) ?? "unset"}, expected ${JSON.stringify(expected)}`,
        explanation: [],
        position: source?.file === context.learnerFile ? source.locate(path) : undefined,
      });
    }
  }
  return checkResult(spec, { status: "pass", message: `${label} is as required`, explanation: [] });
}

/** Reads `a.b[0].c`; keys containing dots or slashes may be quoted: `metadata.annotations["x.io/y"]`. */
export function readField(object: unknown, path: string): unknown {
  const segments = [...path.matchAll(/\[(\d+)\]|\["([^"]+)"\]|([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : (m[2] ?? m[3])));
  let current: unknown = object;
  for (const segment of segments) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
