import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getPrismaClient } from "./prisma-client";

export type DatabaseHealth = { ok: true } | { ok: false; reason: string };

/** A health probe must answer before the orchestrator's own timeout (Kubernetes' default is 1 s per probe). */
const TIMEOUT_MS = 2000;

/**
 * Reads one row of the Learner table: proves the database can be opened, answers queries and carries the
 * migrated schema (a bare `SELECT 1` passes on an empty, unmigrated file). Never throws.
 */
export async function checkDatabase(db?: PrismaClient): Promise<DatabaseHealth> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<DatabaseHealth>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: `the database did not answer within ${TIMEOUT_MS} ms` }), TIMEOUT_MS);
  });
  const probe = (async (): Promise<DatabaseHealth> => {
    await (db ?? getPrismaClient()).learner.findFirst({ select: { id: true } });
    return { ok: true };
  })().catch((error: unknown): DatabaseHealth => ({ ok: false, reason: formatReason(error) }));
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Prisma's messages open with the call site (`Invalid \`prisma.learner.findFirst()\` invocation:`) and, outside
 * production, a frame of source code; the cause is the last line.
 */
function formatReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split("\n").map((line) => line.trim()).filter((line) => line && !/^Invalid `[^`]*` invocation/.test(line));
  return (lines.at(-1) ?? "the database query failed").slice(0, 300);
}
