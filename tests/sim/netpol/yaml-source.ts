import { LineCounter, parseDocument } from "yaml";
import type { ClusterState } from "@/lib/sim/cluster-state";
import type { ObjectSource } from "@/lib/sim/source";

/**
 * Gives a state's NetworkPolicies a YAML source, as the store does for objects a learner applied, so tests can
 * check that explanations point at lines: `locate("spec.ingress[0].from")` → the line of that key's value.
 */
export function withYamlSources(state: ClusterState, texts: Record<string, string>): ClusterState {
  const sources = new Map<string, ObjectSource>();
  for (const [name, text] of Object.entries(texts)) sources.set(name, yamlSource(text));
  return { ...state, sourceOf: (object) => (object.kind === "NetworkPolicy" ? sources.get(object.metadata.name) : undefined) };
}

function yamlSource(text: string): ObjectSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  return {
    docIndex: 0,
    locate(fieldPath) {
      const path = fieldPath.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== "").map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      for (let length = path.length; length > 0; length--) {
        const node = doc.getIn(path.slice(0, length), true) as { range?: [number, number, number] } | undefined;
        if (node?.range) {
          const { line, col } = lineCounter.linePos(node.range[0]);
          return { line, column: col };
        }
      }
      return undefined;
    },
  };
}
