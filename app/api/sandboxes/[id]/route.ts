import { NextResponse } from "next/server";
import { readLearnerId, resolveLearnerForWrite } from "@/app/_lib/learner-session";
import { ApiError, apiErrorResponse } from "@/lib/api/api-error";
import { LearnerRateLimit } from "@/lib/api/rate-limiter";
import { readSandboxLog } from "@/lib/api/read-sandbox-log";
import { getTerminalScenario } from "@/lib/content/get-exercise";
import { getSandboxRepository } from "@/lib/db/sandbox-repository";

type Params = { params: Promise<{ id: string }> };
const NO_STORE = { "Cache-Control": "no-store" };

/** The terminal saves at most about three times a second (300 ms debounce); each save may be 512 KiB. */
const saves = new LearnerRateLimit({ capacity: 20, perSecond: 5 }, { capacity: 30, perSecond: 10 });

async function scenarioIdOrThrow(params: Params["params"]): Promise<string> {
  const { id } = await params;
  if (!getTerminalScenario(id)) throw new ApiError("not_found", "no such scenario");
  return id;
}

// GET /api/sandboxes/[id] – the learner's terminal log for a scenario (empty when none)
export async function GET(_request: Request, { params }: Params) {
  try {
    const id = await scenarioIdOrThrow(params);
    const learnerId = await readLearnerId();
    const log = learnerId ? await getSandboxRepository().load(learnerId, id) : null;
    return NextResponse.json({ log: log ?? [] }, { headers: NO_STORE });
  } catch (error) {
    if (error instanceof ApiError) return apiErrorResponse(error);
    throw error;
  }
}

// PUT /api/sandboxes/[id] – replace the learner's terminal log
export async function PUT(request: Request, { params }: Params) {
  try {
    const id = await scenarioIdOrThrow(params);
    const allowed = saves.take(await readLearnerId(), request);
    if (!allowed.allowed) throw new ApiError("rate_limited", "too many saves; wait a moment", { "Retry-After": String(allowed.retryAfterSeconds) });
    const log = await readSandboxLog(request);
    const learnerId = await resolveLearnerForWrite(request);
    await getSandboxRepository().save(learnerId, id, log);
    return NextResponse.json({ saved: log.length }, { headers: NO_STORE });
  } catch (error) {
    if (error instanceof ApiError) return apiErrorResponse(error);
    throw error;
  }
}

// DELETE /api/sandboxes/[id] – reset the sandbox to the scenario
export async function DELETE(_request: Request, { params }: Params) {
  try {
    const id = await scenarioIdOrThrow(params);
    const learnerId = await readLearnerId();
    if (learnerId) await getSandboxRepository().reset(learnerId, id);
    return new NextResponse(null, { status: 204, headers: NO_STORE });
  } catch (error) {
    if (error instanceof ApiError) return apiErrorResponse(error);
    throw error;
  }
}
