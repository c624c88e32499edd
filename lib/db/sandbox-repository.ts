import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getPrismaClient } from "./prisma-client";

/** Terminal sandboxes, stored as the session's input log (JSON), one per learner and scenario. */
export interface SandboxRepository {
  load(learnerId: string, scenarioId: string): Promise<unknown[] | null>;
  save(learnerId: string, scenarioId: string, log: readonly unknown[]): Promise<void>;
  reset(learnerId: string, scenarioId: string): Promise<void>;
}

export function createSandboxRepository(db: PrismaClient): SandboxRepository {
  return {
    async load(learnerId, scenarioId) {
      const row = await db.sandbox.findUnique({ where: { learnerId_scenarioId: { learnerId, scenarioId } } });
      return row ? (JSON.parse(row.log) as unknown[]) : null;
    },
    async save(learnerId, scenarioId, log) {
      const text = JSON.stringify(log);
      await db.sandbox.upsert({
        where: { learnerId_scenarioId: { learnerId, scenarioId } },
        create: { learnerId, scenarioId, log: text },
        update: { log: text },
      });
    },
    async reset(learnerId, scenarioId) {
      await db.sandbox.deleteMany({ where: { learnerId, scenarioId } });
    },
  };
}

let shared: SandboxRepository | undefined;

export function getSandboxRepository(): SandboxRepository {
  shared ??= createSandboxRepository(getPrismaClient());
  return shared;
}
