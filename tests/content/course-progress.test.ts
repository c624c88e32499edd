import { describe, expect, test } from "vitest";
import { resolveLessonStates, resolveResumePoint, summarizeModuleProgress, type LessonActivity } from "@/lib/content/course-progress";
import { COURSE } from "./course-fixture";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
const visited = (lessonId: string, minute: number): LessonActivity => ({ lessonId, lastVisitedAt: at(minute), completedAt: null });
const completed = (lessonId: string, minute: number): LessonActivity => ({ lessonId, lastVisitedAt: at(minute), completedAt: at(minute) });

describe("course progress", () => {
  test("states: absent → not-started, visited, completed; unknown lessons are ignored", () => {
    expect(resolveLessonStates(COURSE, [visited("a", 1), completed("c", 2), visited("gone", 3)])).toEqual({
      a: "visited",
      b: "not-started",
      c: "completed",
      d: "not-started",
      e: "not-started",
    });
  });

  test("module progress counts completed lessons only", () => {
    const states = resolveLessonStates(COURSE, [visited("d", 1), completed("e", 2)]);
    expect(summarizeModuleProgress(COURSE.modules[2].lessons, states)).toEqual({ completed: 1, total: 2 });
  });

  test.each([
    { label: "nothing done", activity: [], lesson: "a", reason: "start" },
    { label: "only unknown lessons", activity: [visited("gone", 1)], lesson: "a", reason: "start" },
    { label: "last touched lesson is unfinished", activity: [completed("a", 1), visited("d", 5), visited("b", 3)], lesson: "d", reason: "continue" },
    { label: "last touched lesson is complete", activity: [completed("a", 1), completed("c", 4)], lesson: "d", reason: "continue" },
    { label: "wraps to an earlier gap", activity: [completed("a", 1), completed("c", 2), completed("d", 3), completed("e", 4)], lesson: "b", reason: "continue" },
    { label: "everything complete", activity: ["a", "b", "c", "d", "e"].map((id, i) => completed(id, i)), lesson: "a", reason: "review" },
  ])("resume point when $label", ({ activity, lesson, reason }) => {
    const resume = resolveResumePoint(COURSE, activity);
    expect({ lesson: resume.lesson.id, reason: resume.reason }).toEqual({ lesson, reason });
  });
});
