import type { ComponentProps } from "react";
import { CopyButton } from "./copy-button";

/** rehype-pretty-code wraps every fenced block in a figure; ours adds the frame and a copy button. */
export function CodeFigure({ children, className, ...props }: ComponentProps<"figure">) {
  if (!("data-rehype-pretty-code-figure" in props)) return <figure className={className} {...props}>{children}</figure>;
  return (
    <figure {...props} className={`code-block ${className ?? ""}`}>
      {children}
      <CopyButton />
    </figure>
  );
}

/** Scrollable code must be reachable by keyboard, so the pre element takes focus. */
export function CodePre(props: ComponentProps<"pre">) {
  return <pre tabIndex={0} {...props} />;
}
