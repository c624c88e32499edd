import type { Element, ElementContent, Root as HastRoot } from "hast";
import type { Root as MdastRoot } from "mdast";
import type { Node, Parent } from "unist";
import { isMdxComponentName, MDX_COMPONENT_NAMES } from "./mdx-component-names";
import { createHeadingSlugger } from "./slugify-heading";

export interface LessonHeading {
  depth: 2 | 3;
  id: string;
  text: string;
}

export interface PluginProblem {
  line: number;
  message: string;
}

/** An `<Exercise id="…" />` in a lesson, so the content check can confirm the exercise exists. */
export interface ExerciseReference {
  line: number;
  id: string;
}

function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  for (const child of (node as Partial<Parent>).children ?? []) walk(child, visit);
}

interface MdxJsxNode extends Node {
  type: "mdxJsxFlowElement" | "mdxJsxTextElement";
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
}

/** Attributes whose values are a closed set or required; checked here so a typo fails the build. */
const REQUIRED_ATTRIBUTES: Record<string, { name: string; values?: readonly string[] }[]> = {
  Callout: [{ name: "type", values: ["note", "tip", "warning", "danger"] }],
  Exercise: [{ name: "id" }],
  Terminal: [{ name: "scenario" }],
};

function checkAttributes(node: MdxJsxNode): string[] {
  const rules = REQUIRED_ATTRIBUTES[node.name ?? ""] ?? [];
  return rules.flatMap((rule) => {
    const attribute = node.attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === rule.name);
    if (!attribute || typeof attribute.value !== "string" || attribute.value === "") {
      return [`<${node.name}> needs a ${rule.name}="…" attribute${rule.values ? ` (${rule.values.join(", ")})` : ""}`];
    }
    if (rule.values && !rule.values.includes(attribute.value)) {
      return [`<${node.name} ${rule.name}="${attribute.value}"> is not one of ${rule.values.join(", ")}`];
    }
    return [];
  });
}

/**
 * Remark plugin: a lesson may use only the registered components and may not import or export code.
 * Without this an unknown `<Calout>` compiles fine and only fails when the page renders.
 */
export function remarkCheckComponents(problems: PluginProblem[], exercises: ExerciseReference[] = [], terminals: ExerciseReference[] = []) {
  return () => (tree: MdastRoot) => {
    walk(tree, (node) => {
      const line = node.position?.start.line ?? 1;
      // mdx-bundler adds its own frontmatter export without a position; only the author's code has one.
      if (node.type === "mdxjsEsm" && node.position) {
        problems.push({ line, message: "lessons may not use import or export; use the registered components" });
      }
      if (node.type !== "mdxJsxFlowElement" && node.type !== "mdxJsxTextElement") return;
      const jsx = node as MdxJsxNode;
      const { name } = jsx;
      if (name === null || /^[a-z][a-z0-9]*$/.test(name)) return;
      if (isMdxComponentName(name)) {
        problems.push(...checkAttributes(jsx).map((message) => ({ line, message })));
        const id = jsx.attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === "id")?.value;
        if (name === "Exercise" && typeof id === "string") exercises.push({ line, id });
        const scenario = jsx.attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === "scenario")?.value;
        if (name === "Terminal" && typeof scenario === "string") terminals.push({ line, id: scenario });
        return;
      }
      problems.push({ line, message: `unknown component <${name}>; lessons may use ${MDX_COMPONENT_NAMES.map((n) => `<${n}>`).join(", ")}` });
    });
  };
}

function textOf(node: ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") return node.children.map(textOf).join("");
  return "";
}

/**
 * Rehype plugin: gives every `##` and `###` heading a stable id and records it for the table of contents.
 * Runs before highlighting so code inside headings stays plain text.
 */
export function rehypeCollectHeadings(headings: LessonHeading[]) {
  return () => (tree: HastRoot) => {
    const slug = createHeadingSlugger();
    walk(tree, (node) => {
      const element = node as Element;
      if (element.type !== "element" || (element.tagName !== "h2" && element.tagName !== "h3")) return;
      const text = element.children.map(textOf).join("").trim();
      const id = slug(text);
      element.properties = { ...element.properties, id };
      headings.push({ depth: element.tagName === "h2" ? 2 : 3, id, text });
    });
  };
}
