import { describe, expect, test } from "vitest";
import { buildCourseOutline, findLesson, listLessons, resolveLessonNeighbours } from "@/lib/content/course-navigation";
import { COURSE } from "./course-fixture";

describe("course navigation", () => {
  test("lists lessons in index order across modules", () => {
    expect(listLessons(COURSE).map((l) => l.id)).toEqual(["a", "b", "c", "d", "e"]);
  });

  test.each([
    { label: "first lesson", id: "a", previous: undefined, next: "b" },
    { label: "last lesson of a module", id: "b", previous: "a", next: "c" },
    { label: "only lesson of a module", id: "c", previous: "b", next: "d" },
    { label: "last lesson", id: "e", previous: "d", next: undefined },
    { label: "unknown lesson", id: "zz", previous: undefined, next: undefined },
  ])("neighbours of the $label", ({ id, previous, next }) => {
    const neighbours = resolveLessonNeighbours(COURSE, id);
    expect(neighbours.previous?.id).toBe(previous);
    expect(neighbours.next?.id).toBe(next);
  });

  test("finds lessons by id only", () => {
    expect(findLesson(COURSE, "c")?.moduleId).toBe("m2");
    expect(findLesson(COURSE, "m2")).toBeUndefined();
  });

  test("the outline carries no lesson bodies or file paths", () => {
    const outline = buildCourseOutline(COURSE);
    expect(outline.modules[2].lessons).toEqual([
      { id: "d", title: "Title d", estimatedMinutes: 5, draft: false },
      { id: "e", title: "Title e", estimatedMinutes: 5, draft: false },
    ]);
    expect(JSON.stringify(outline)).not.toContain(".mdx");
  });
});
