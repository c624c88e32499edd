/**
 * GitHub-style heading anchors ("What the CNI plugin does — and what it does not" →
 * "what-the-cni-plugin-does--and-what-it-does-not"), made unique within a page by a numeric suffix,
 * so links copied from the table of contents stay stable while the prose around them changes.
 */
export function createHeadingSlugger(): (text: string) => string {
  const used = new Map<string, number>();
  return (text) => {
    const base =
      text
        .toLowerCase()
        .trim()
        .replace(/[^\p{Letter}\p{Number}\s-]/gu, "")
        .replace(/\s/g, "-") || "section";
    const count = used.get(base) ?? 0;
    used.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  };
}
