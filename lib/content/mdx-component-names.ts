/**
 * The only JSX components a lesson may use. components/mdx/mdx-components.tsx provides exactly these
 * (its type is keyed by this list), and the compiler rejects any other capitalised tag at build time, so
 * a typo fails the build with a line number instead of crashing the page at render time.
 */
export const MDX_COMPONENT_NAMES = ["Callout", "Exercise", "Terminal"] as const;

export type MdxComponentName = (typeof MDX_COMPONENT_NAMES)[number];

export function isMdxComponentName(name: string): name is MdxComponentName {
  return (MDX_COMPONENT_NAMES as readonly string[]).includes(name);
}
