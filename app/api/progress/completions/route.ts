import { NextResponse } from "next/server";
import { resolveLearnerForWrite } from "@/app/_lib/learner-session";
import { readLessonId } from "@/app/_lib/read-lesson-id";
import { resolveLessonStates } from "@/lib/content/course-progress";
import { getCourse } from "@/lib/content/get-course";
import { getProgressRepository } from "@/lib/db/progress-repository";

/**
 * POST /api/progress/completions `{ lessonId }` marks a lesson complete. A JSON request gets the new
 * states; a plain form post (no JavaScript) is redirected back to the lesson's confirmation anchor.
 */
export async function POST(request: Request) {
  const input = await readLessonId(request);
  if (!input) return NextResponse.json({ error: "lessonId must name a lesson of the course" }, { status: 400 });
  const learnerId = await resolveLearnerForWrite(request);
  const repository = getProgressRepository();
  await repository.markLessonComplete(learnerId, input.lessonId);
  if (input.fromForm) {
    return NextResponse.redirect(new URL(`/learn/${input.lessonId}#lesson-completed`, request.url), 303);
  }
  const states = resolveLessonStates(getCourse(), await repository.listLessonProgress(learnerId));
  return NextResponse.json({ states }, { headers: { "Cache-Control": "no-store" } });
}
