import type { Course, Lesson } from "@/lib/content/load-course";

function lesson(id: string, moduleId: string): Lesson {
  return { id, moduleId, title: `Title ${id}`, summary: "s", objectives: ["a", "b"], estimatedMinutes: 5, file: `${id}.mdx`, body: "" };
}

export const COURSE: Course = {
  id: "course",
  title: "Course",
  summary: "s",
  modules: [
    { id: "m1", title: "M1", summary: "s", lessons: [lesson("a", "m1"), lesson("b", "m1")] },
    { id: "m2", title: "M2", summary: "s", lessons: [lesson("c", "m2")] },
    { id: "m3", title: "M3", summary: "s", lessons: [lesson("d", "m3"), lesson("e", "m3")] },
  ],
};
