import { describe, expect, test, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { readLessonId } = await import("@/app/_lib/read-lesson-id");
const { getCourse } = await import("@/lib/content/get-course");
const { listLessons } = await import("@/lib/content/course-navigation");

const lessonId = listLessons(getCourse())[0].id;
const URL = "http://localhost/api/progress/visits";

const json = (body: string, headers: Record<string, string> = {}) =>
  new Request(URL, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
const form = (body: string) => new Request(URL, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });

describe("readLessonId: what the progress route handlers accept", () => {
  test("a JSON body naming a lesson", async () => {
    await expect(readLessonId(json(JSON.stringify({ lessonId })))).resolves.toEqual({ lessonId, fromForm: false });
  });

  test("a plain form post (no JavaScript) is marked as such", async () => {
    await expect(readLessonId(form(`lessonId=${lessonId}`))).resolves.toEqual({ lessonId, fromForm: true });
  });

  test.each([
    { label: "an unknown lesson", request: () => json(JSON.stringify({ lessonId: "no-such-lesson" })) },
    { label: "a path instead of an id", request: () => form("lessonId=../../etc/passwd") },
    { label: "a number", request: () => json(JSON.stringify({ lessonId: 42 })) },
    { label: "no lessonId", request: () => json("{}") },
    { label: "JSON null", request: () => json("null") },
    { label: "malformed JSON", request: () => json("{lessonId:") },
    { label: "a body announced as oversized", request: () => json(JSON.stringify({ lessonId }), { "content-length": "5000" }) },
    { label: "an oversized body without a length", request: () => json(JSON.stringify({ lessonId, padding: "x".repeat(5000) })) },
    { label: "no body", request: () => new Request(URL, { method: "POST" }) },
  ])("rejects $label", async ({ request }) => {
    await expect(readLessonId(request())).resolves.toBeNull();
  });
});
