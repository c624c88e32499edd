// The environment `next start` runs with, for `npm start` and for the HTTP benchmark alike.

/**
 * Memory settings for a server whose grading runs on worker threads:
 * - MALLOC_ARENA_MAX=2: glibc gives every thread that allocates its own malloc arena (up to 8 per core), and
 *   each keeps freed memory for reuse, so a process with worker threads grows well past what it uses
 *   (https://www.gnu.org/software/libc/manual/html_node/Memory-Allocation-Tunables.html, glibc.malloc.arena_max).
 * - --max-semi-space-size=4: the young generation of the thread serving HTTP; a request's garbage is small and
 *   short-lived, so a 4 MB semi-space is scavenged often and cheaply instead of growing to V8's 16 MB.
 * Values already set by the operator win.
 */
export function serverEnv(env) {
  return {
    ...env,
    NEXT_TELEMETRY_DISABLED: env.NEXT_TELEMETRY_DISABLED ?? "1",
    MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? "2",
    NODE_OPTIONS: /--max-semi-space-size/.test(env.NODE_OPTIONS ?? "") ? env.NODE_OPTIONS : `${env.NODE_OPTIONS ?? ""} --max-semi-space-size=4`.trim(),
  };
}
