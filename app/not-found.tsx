import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-2xl px-4 py-20 text-center">
      <p className="text-sm font-semibold text-muted">404</p>
      <h1 className="mt-2 text-3xl font-bold">This page does not exist</h1>
      <p className="mt-4 text-muted">The address may be mistyped, or the lesson may have moved.</p>
      <p className="mt-8 flex justify-center gap-4">
        <Link href="/learn" className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-fg">
          Course overview
        </Link>
        <Link href="/" className="rounded-md border border-border px-4 py-2 font-semibold">
          Home
        </Link>
      </p>
    </div>
  );
}
