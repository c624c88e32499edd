import type { TraceHop } from "./trace";

const MARK: Record<TraceHop["outcome"], string> = { pass: "✓", fail: "✗", info: "·" };

/**
 * A trace for the terminal: one line per hop, a mark for what it decided, its kind, the sentence, and where
 * in the learner's YAML the deciding field is.
 *
 *   ✓ dns       my-backend-api.production → … → 10.96.120.15
 *   ✗ service   no endpoints: selector app=backend matches no pods in production  [Service production/my-backend-api spec.selector, line 8]
 */
export function formatTrace(hops: readonly TraceHop[]): string {
  return hops
    .map((hop) => {
      const where: string[] = [];
      if (hop.object) where.push(`${hop.object.kind} ${hop.object.namespace ? `${hop.object.namespace}/` : ""}${hop.object.name}`);
      if (hop.rule) where.push(hop.rule);
      if (hop.field) where.push(hop.field);
      if (hop.position) where.push(`line ${hop.position.line}`);
      const suffix = where.length > 0 && (hop.field || hop.rule || hop.position) ? `  [${where.join(", ")}]` : "";
      return `${MARK[hop.outcome]} ${hop.kind.padEnd(9)} ${hop.summary}${suffix}`;
    })
    .join("\n");
}
