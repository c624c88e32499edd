import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-40 border-b border-border bg-bg/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-7xl items-center justify-between gap-4 px-4">
        <Link href="/" className="flex items-center gap-2 font-bold">
          <span aria-hidden="true" className="grid size-7 place-items-center rounded-md bg-accent text-sm text-accent-fg">
            k8s
          </span>
          Kubernetes Networking Lab
        </Link>
        <nav aria-label="Main">
          <ul className="flex gap-4 text-sm font-medium">
            <li>
              <Link href="/learn" className="rounded px-2 py-1 hover:bg-surface-strong">
                Course
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
