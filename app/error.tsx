"use client";

import Link from "next/link";

/** Shown when a page fails to render; the digest lets an operator find the error in the server log. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-2xl px-4 py-20 text-center">
      <h1 className="text-3xl font-bold">Something went wrong</h1>
      <p className="mt-4 text-muted">
        The page could not be shown. Your progress is safe.
        {error.digest ? <> Reference: <code className="font-mono">{error.digest}</code>.</> : null}
      </p>
      <p className="mt-8 flex justify-center gap-4">
        <button type="button" onClick={reset} className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-fg">
          Try again
        </button>
        <Link href="/" className="rounded-md border border-border px-4 py-2 font-semibold">
          Home
        </Link>
      </p>
    </div>
  );
}
