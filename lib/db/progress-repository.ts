import "server-only";
import type { LessonActivity } from "@/lib/content/course-progress";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getPrismaClient } from "./prisma-client";

export interface LessonProgressRecord extends LessonActivity {
  firstVisitedAt: Date;
}

/** Learner progress. Callers pass the learner id; identifying the learner (cookies) is the caller's job. */
export interface ProgressRepository {
  createLearner(): Promise<string>;
  hasLearner(learnerId: string): Promise<boolean>;
  /** First visit sets firstVisitedAt; every visit moves lastVisitedAt (for "continue where you left off"). */
  recordLessonVisit(learnerId: string, lessonId: string): Promise<void>;
  /** Idempotent: completing twice keeps the first completion time. Completing implies a visit. */
  markLessonComplete(learnerId: string, lessonId: string): Promise<void>;
  listLessonProgress(learnerId: string): Promise<LessonProgressRecord[]>;
}

/** Learner ids this process has seen in the database, so each write does not re-read the Learner table. */
const KNOWN_LEARNERS_LIMIT = 100_000;

export function createProgressRepository(db: PrismaClient): ProgressRepository {
  // The platform never deletes a Learner row, so once seen an id stays valid for the life of the process (a
  // database replaced underneath a running server is not supported). Bounded: past the limit it starts over.
  const knownLearners = new Set<string>();
  const remember = (learnerId: string) => {
    if (knownLearners.size >= KNOWN_LEARNERS_LIMIT) knownLearners.clear();
    knownLearners.add(learnerId);
  };
  return {
    async createLearner() {
      const learner = await db.learner.create({ data: {}, select: { id: true } });
      remember(learner.id);
      return learner.id;
    },
    async hasLearner(learnerId) {
      if (knownLearners.has(learnerId)) return true;
      const exists = (await db.learner.count({ where: { id: learnerId } })) > 0;
      if (exists) remember(learnerId);
      return exists;
    },
    async recordLessonVisit(learnerId, lessonId) {
      const now = new Date();
      await db.lessonProgress.upsert({
        where: { learnerId_lessonId: { learnerId, lessonId } },
        create: { learnerId, lessonId, firstVisitedAt: now, lastVisitedAt: now },
        update: { lastVisitedAt: now },
      });
    },
    async markLessonComplete(learnerId, lessonId) {
      const now = new Date();
      await db.$transaction([
        db.lessonProgress.upsert({
          where: { learnerId_lessonId: { learnerId, lessonId } },
          create: { learnerId, lessonId, firstVisitedAt: now, lastVisitedAt: now, completedAt: now },
          update: { lastVisitedAt: now },
        }),
        db.lessonProgress.updateMany({ where: { learnerId, lessonId, completedAt: null }, data: { completedAt: now } }),
      ]);
    },
    async listLessonProgress(learnerId) {
      return db.lessonProgress.findMany({
        where: { learnerId },
        select: { lessonId: true, firstVisitedAt: true, lastVisitedAt: true, completedAt: true },
        orderBy: { firstVisitedAt: "asc" },
      });
    },
  };
}

let shared: ProgressRepository | undefined;

export function getProgressRepository(): ProgressRepository {
  shared ??= createProgressRepository(getPrismaClient());
  return shared;
}
