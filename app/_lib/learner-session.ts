import "server-only";
import { cookies } from "next/headers";
import { getProgressRepository, type LessonProgressRecord } from "@/lib/db/progress-repository";
import { resolveSessionSecret } from "@/lib/db/session-secret";
import { signLearnerToken, verifyLearnerToken } from "@/lib/db/session-token";
import { getEnv } from "@/lib/env";

/** The anonymous learner's identity: a signed learner id, HttpOnly, SameSite=Lax, Secure over HTTPS. */
export const LEARNER_COOKIE = "lab_learner";
const ONE_YEAR_IN_SECONDS = 60 * 60 * 24 * 365;

let secret: string | undefined;

function sessionSecret(): string {
  const env = getEnv();
  secret ??= resolveSessionSecret(env.sessionSecret, env.dataDir);
  return secret;
}

/** The learner named by a correctly signed cookie; null without a cookie or with a tampered one. */
export async function readLearnerId(): Promise<string | null> {
  const store = await cookies();
  return verifyLearnerToken(store.get(LEARNER_COOKIE)?.value, sessionSecret());
}

/** Progress of the current learner, empty for a visitor who has not written anything yet. */
export async function readLearnerProgress(): Promise<LessonProgressRecord[]> {
  const learnerId = await readLearnerId();
  return learnerId ? getProgressRepository().listLessonProgress(learnerId) : [];
}

/**
 * For writes only (route handlers): the learner behind a valid cookie, or a new Learner row with a fresh
 * cookie. A signed id whose row is gone (database reset) also gets a new learner rather than an error.
 */
export async function resolveLearnerForWrite(request: Request): Promise<string> {
  const repository = getProgressRepository();
  const existing = await readLearnerId();
  if (existing && (await repository.hasLearner(existing))) return existing;
  const learnerId = await repository.createLearner();
  const store = await cookies();
  store.set(LEARNER_COOKIE, signLearnerToken(learnerId, sessionSecret()), {
    httpOnly: true,
    sameSite: "lax",
    secure: isHttps(request),
    path: "/",
    maxAge: ONE_YEAR_IN_SECONDS,
  });
  return learnerId;
}

/** Behind a TLS-terminating proxy the request URL is http; the proxy's X-Forwarded-Proto tells the truth. */
function isHttps(request: Request): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (forwarded ?? new URL(request.url).protocol.replace(":", "")) === "https";
}
