import { isAlias, isMap, isPair, isSeq, type Document, type Node } from "yaml";

export interface YamlNodeMeasure {
  /** Mappings and sequences nested inside each other, aliases followed. */
  depth: number;
  /** Nodes the document becomes once every alias is expanded (what a `billion laughs` document inflates). */
  expandedNodes: number;
}

/**
 * Measures a parsed document before it is turned into plain values, so an alias bomb is refused before
 * it expands. Sizes of anchored nodes are memoised, so measuring is linear in the text even when the
 * expansion is exponential; a self-referencing alias counts as infinite.
 */
export function measureYamlNode(doc: Document, root: Node | null, cap: number): YamlNodeMeasure {
  const memo = new Map<Node, YamlNodeMeasure>();
  const inProgress = new Set<Node>();

  const measure = (node: unknown, level: number): YamlNodeMeasure => {
    if (level > cap) return { depth: Infinity, expandedNodes: Infinity };
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (!target) return { depth: 0, expandedNodes: 1 };
      return measure(target, level);
    }
    if (!isMap(node) && !isSeq(node)) return { depth: 0, expandedNodes: 1 };
    const known = memo.get(node);
    if (known) return known;
    if (inProgress.has(node)) return { depth: Infinity, expandedNodes: Infinity };
    inProgress.add(node);
    let depth = 0;
    let expandedNodes = 1;
    for (const item of node.items as unknown[]) {
      const parts = isPair(item) ? [item.key, item.value] : [item];
      for (const part of parts) {
        if (part === null || part === undefined) continue;
        const child = measure(part, level + 1);
        depth = Math.max(depth, child.depth);
        expandedNodes += child.expandedNodes;
      }
      if (expandedNodes === Infinity) break;
    }
    inProgress.delete(node);
    const result = { depth: depth + 1, expandedNodes };
    memo.set(node, result);
    return result;
  };

  return root === null ? { depth: 0, expandedNodes: 0 } : measure(root, 0);
}
