import type { LessonHeading } from "@/lib/content/mdx-plugins";

/** "On this page", built from the lesson's `##` and `###` headings at build time. */
export function TableOfContents({ headings }: { headings: readonly LessonHeading[] }) {
  if (headings.length === 0) return null;
  return (
    <nav aria-labelledby="toc-heading" className="text-sm">
      <h2 id="toc-heading" className="mb-2 font-semibold">
        On this page
      </h2>
      <ul className="space-y-1 border-l border-border">
        {headings.map((heading) => (
          <li key={heading.id} className={heading.depth === 3 ? "pl-6" : "pl-3"}>
            <a href={`#${heading.id}`} className="block rounded text-muted hover:text-fg">
              {heading.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
