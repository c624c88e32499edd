import type { MDXComponents } from "mdx/types";
import type { MdxComponentName } from "@/lib/content/mdx-component-names";
import { Callout } from "./callout";
import { CodeFigure, CodePre } from "./code-block";
import { Exercise } from "./exercise-slot";
import { Terminal } from "./terminal-slot";

/** The components a lesson may name; keyed by MDX_COMPONENT_NAMES, which the compiler enforces. */
const LESSON_COMPONENTS = { Callout, Exercise, Terminal } satisfies Record<MdxComponentName, unknown>;

/** The one MDX component map: lesson components plus overrides of the HTML that Markdown produces. */
export const mdxComponents: MDXComponents = {
  ...LESSON_COMPONENTS,
  figure: CodeFigure,
  pre: CodePre,
};
