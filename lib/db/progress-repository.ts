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

export function createProgressRepository(db: PrismaClient): ProgressRepository {
  return {
    async createLearner() {
      const learner = await db.learner.create({ data: {}, select: { id: true } });
      return learner.id;
    },
    async hasLearner(learnerId) {
      return (await db.learner.count({ where: { id: learnerId } })) > 0;
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
