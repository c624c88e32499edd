import type { ClusterState } from "@/lib/sim/cluster-state";
import { isKind } from "@/lib/sim/objects/kinds";
import type { TraceHop } from "@/lib/sim/network/trace";
import type { ObjectSource, SourcePosition } from "@/lib/sim/source";

/** What every check sees: the cluster after the learner's YAML was applied, and the name of that YAML. */
export interface CheckContext {
  state: ClusterState;
  /** ObjectSource.file of the learner's submission, to tell their objects from the scenario's. */
  learnerFile: string;
  /** Terminal exercises: the answers the learner typed, by check id. */
  answers?: Readonly<Record<string, string>>;
}

/**
 * The first hop, among those that decided the outcome, that points into the learner's YAML: that is the line
 * the editor highlights. Hops about scenario objects still explain, but point nowhere in the editor.
 */
export function learnerPosition(context: CheckContext, hops: readonly TraceHop[]): SourcePosition | undefined {
  const ordered = [...hops.filter((h) => h.outcome === "fail"), ...hops.filter((h) => h.outcome !== "fail")];
  for (const hop of ordered) {
    const source = learnerSourceOf(context, hop);
    if (!source) continue;
    const position = hop.position ?? (hop.field ? source.locate(hop.field) : undefined) ?? source.locate("metadata.name");
    if (position) return position;
  }
  return undefined;
}

/** The source of the object a hop names, when that object came from the learner's YAML. */
function learnerSourceOf(context: CheckContext, hop: TraceHop): ObjectSource | undefined {
  if (!hop.object || !isKind(hop.object.kind)) return undefined;
  const object = context.state.get(hop.object.kind, hop.object.name, hop.object.namespace);
  const source = object ? context.state.sourceOf(object) : undefined;
  return source?.file === context.learnerFile ? source : undefined;
}

/** The decisive sentence of a trace: the first failing hop, else the last hop. */
export function decisiveSummary(hops: readonly TraceHop[]): string | undefined {
  return (hops.find((h) => h.outcome === "fail") ?? hops[hops.length - 1])?.summary;
}

/**
 * The editor shows one text, the learner's: a hop about a scenario object keeps its explanation but loses its
 * position, which would otherwise name a line of scenario.yaml as if it were theirs.
 */
export function keepLearnerPositions(context: CheckContext, hops: readonly TraceHop[]): TraceHop[] {
  return hops.map((hop) => {
    if (!hop.position || learnerSourceOf(context, hop)) return hop;
    const { position: _position, ...rest } = hop;
    return rest;
  });
}
