import { NextResponse } from "next/server";
import { readLearnerId, resolveLearnerForWrite } from "@/app/_lib/learner-session";
import { ApiError, apiErrorResponse } from "@/lib/api/api-error";
import { getGradingPool, GradingLimitError } from "@/lib/api/grading-pool";
import { LearnerRateLimit } from "@/lib/api/rate-limiter";
import { readSubmission } from "@/lib/api/read-submission";
import { readTerminalWork } from "@/lib/api/read-terminal-work";
import { getExercise } from "@/lib/content/get-exercise";
import { getExerciseRepository } from "@/lib/db/exercise-repository";

/** 10 grades at once, then 5 per second, per learner; visitors without a cookie share 60, then 20 per second. */
const limiter = new LearnerRateLimit({ capacity: 10, perSecond: 5 }, { capacity: 60, perSecond: 20 });

type Params = { params: Promise<{ id: string }> };

// POST /api/exercises/[id]/submissions – grade on the server (never trusting the browser) and record it
export async function POST(request: Request, { params }: Params) {
  try {
    const exercise = getExercise((await params).id);
    if (!exercise) throw new ApiError("not_found", "no such exercise");
    const allowed = limiter.take(await readLearnerId(), request);
    if (!allowed.allowed) throw new ApiError("rate_limited", "too many checks; wait a moment", { "Retry-After": String(allowed.retryAfterSeconds) });
    const work = exercise.workspace === "terminal" ? await readTerminalWork(request) : { yaml: await readSubmission(request) };
    const outcome = await getGradingPool()
      .grade(exercise, work)
      .catch((error: unknown) => {
        // Too heavy to simulate is a property of the submission: say so and record nothing.
        if (error instanceof GradingLimitError) throw new ApiError("unprocessable", `${error.message}; simulate less (fewer replicas or objects)`);
        throw error;
      });
    if ("rejected" in outcome) throw new ApiError(outcome.rejected.code, outcome.rejected.message);
    const learnerId = await resolveLearnerForWrite(request);
    const content = "yaml" in work ? work.yaml : JSON.stringify(work);
    const progress = await getExerciseRepository().recordSubmission(learnerId, exercise.id, content, outcome.graded);
    // The verdict is already JSON text (serialized on the grading thread); it is spliced in, not parsed again.
    const body = `{"result":${outcome.graded.resultJson},"progress":${JSON.stringify(progress)}}`;
    return new NextResponse(body, { headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof ApiError) return apiErrorResponse(error);
    throw error;
  }
}

// GET /api/exercises/[id]/submissions – the learner's attempts and last recorded submission
export async function GET(_request: Request, { params }: Params) {
  const exercise = getExercise((await params).id);
  if (!exercise) return apiErrorResponse(new ApiError("not_found", "no such exercise"));
  const learnerId = await readLearnerId();
  if (!learnerId) return NextResponse.json({ attempts: 0, lastSubmission: null }, { headers: { "Cache-Control": "no-store" } });
  const repository = getExerciseRepository();
  const [progress, lastSubmission] = await Promise.all([repository.getProgress(learnerId, exercise.id), repository.lastSubmission(learnerId, exercise.id)]);
  return NextResponse.json({ attempts: progress?.attempts ?? 0, firstPassedAt: progress?.firstPassedAt ?? null, lastSubmission }, { headers: { "Cache-Control": "no-store" } });
}
