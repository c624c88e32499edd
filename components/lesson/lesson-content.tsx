import { getMDXComponent } from "mdx-bundler/client";
import { mdxComponents } from "@/components/mdx/mdx-components";

type MdxContent = ReturnType<typeof getMDXComponent>;
const evaluated = new Map<string, MdxContent>();

/** Evaluates a compiled lesson once per process and renders it on the server with the component map. */
function resolveContent(code: string): MdxContent {
  let content = evaluated.get(code);
  if (!content) {
    content = getMDXComponent(code);
    evaluated.set(code, content);
  }
  return content;
}

export function LessonContent({ code }: { code: string }) {
  const Content = resolveContent(code);
  return (
    <div className="lesson-prose">
      {/* eslint-disable-next-line react-hooks/static-components -- a server component without state: the lesson is evaluated once per process above */}
      <Content components={mdxComponents} />
    </div>
  );
}
