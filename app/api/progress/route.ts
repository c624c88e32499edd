import { NextResponse } from "next/server";
import { readLearnerProgress } from "@/app/_lib/learner-session";
import { resolveLessonStates } from "@/lib/content/course-progress";
import { getCourse } from "@/lib/content/get-course";

/** GET /api/progress → `{ states: { [lessonId]: "not-started" | "visited" | "completed" } }`; never writes. */
export async function GET() {
  const states = resolveLessonStates(getCourse(), await readLearnerProgress());
  return NextResponse.json({ states }, { headers: { "Cache-Control": "no-store" } });
}
