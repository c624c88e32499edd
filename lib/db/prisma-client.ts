import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { getEnv } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createSqliteSubmissionWriter } from "./sqlite-submissions";
import type { SubmissionWriter } from "./submission-batcher";

/**
 * The one place that picks a driver for a DATABASE_URL. SQLite (file: URLs) is built in;
 * another database is added here and nowhere else.
 */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  if (!databaseUrl.startsWith("file:")) {
    throw new Error(`Unsupported DATABASE_URL "${databaseUrl.split(":")[0]}:…": only file: (SQLite) URLs are supported`);
  }
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl }) });
}

/** The submission write path for the same database (see lib/db/sqlite-submissions.ts for why it bypasses Prisma). */
export function createSubmissionWriter(databaseUrl: string): SubmissionWriter {
  if (!databaseUrl.startsWith("file:")) {
    throw new Error(`Unsupported DATABASE_URL "${databaseUrl.split(":")[0]}:…": only file: (SQLite) URLs are supported`);
  }
  return createSqliteSubmissionWriter(databaseUrl.slice("file:".length));
}

const globalForPrisma = globalThis as unknown as { labPrisma?: PrismaClient };

/** One client per process; the dev server's module reloads reuse it instead of leaking connections. */
export function getPrismaClient(): PrismaClient {
  globalForPrisma.labPrisma ??= createPrismaClient(getEnv().databaseUrl);
  return globalForPrisma.labPrisma;
}
