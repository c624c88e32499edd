import Link from "next/link";

interface PagerLesson {
  id: string;
  title: string;
}

export function LessonPager({ previous, next }: { previous?: PagerLesson; next?: PagerLesson }) {
  return (
    <nav aria-label="Previous and next lesson" className="mt-8 grid gap-4 sm:grid-cols-2">
      {previous ? (
        <Link href={`/learn/${previous.id}`} rel="prev" className="rounded-lg border border-border p-4 hover:bg-surface">
          <span className="block text-sm text-muted">Previous</span>
          <span className="font-semibold">{previous.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={`/learn/${next.id}`} rel="next" className="rounded-lg border border-border p-4 text-right hover:bg-surface">
          <span className="block text-sm text-muted">Next</span>
          <span className="font-semibold">{next.title}</span>
        </Link>
      ) : null}
    </nav>
  );
}
