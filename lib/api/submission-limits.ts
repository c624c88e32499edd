import { LEARNER_FILE } from "@/lib/grader/build-exercise-cluster";
import { MAX_SUBMISSION_BYTES } from "@/lib/grader/grade-submission";
import { resolveManifestLimits, type ManifestLimits } from "@/lib/sim/manifest/manifest-limits";
import { parseManifests } from "@/lib/sim/manifest/parse-manifests";
import type { ApiErrorCode } from "./api-error";

const LIMITS = resolveManifestLimits({ maxBytes: MAX_SUBMISSION_BYTES });

/**
 * Pods a submission may ask its Deployments and ReplicaSets for, in total. The API server itself has no such
 * limit, but every replica is a Pod the simulator schedules and reconciles while the request waits (about a
 * millisecond each): `replicas: 1000000` would hold the server for many minutes. A lesson needs a handful.
 */
export const MAX_SUBMISSION_REPLICAS = 100;

export interface LimitViolation {
  code: ApiErrorCode;
  message: string;
}

/**
 * What keeps a submission's YAML from being graded at all: more than 64 KiB, more than 100 documents, YAML
 * aliases or nesting beyond the parser's limits, control characters, too many replicas. Ordinary YAML mistakes
 * are not violations; they are graded and explained. Parsing is the grader's work, so this runs on a grading
 * thread (lib/api/grading-worker.ts), never on the thread that serves HTTP.
 */
export function findLimitViolation(yaml: string): LimitViolation | undefined {
  const parsed = parseManifests(yaml, { file: LEARNER_FILE, limits: LIMITS });
  for (const error of parsed.errors) {
    const code = classifyLimitError(error.message);
    if (code) return { code, message: error.message };
  }
  const replicas = countRequestedReplicas(parsed.documents.map((d) => d.object));
  if (replicas > MAX_SUBMISSION_REPLICAS) {
    return { code: "unprocessable", message: `the YAML asks for ${replicas} replicas; at most ${MAX_SUBMISSION_REPLICAS} in total are accepted` };
  }
  return undefined;
}

/** spec.replicas of every Deployment and ReplicaSet, counting only what the simulator would read as a number. */
function countRequestedReplicas(objects: readonly unknown[]): number {
  let total = 0;
  for (const object of objects) {
    const { kind, spec } = object as { kind?: unknown; spec?: { replicas?: unknown } | null };
    if (kind !== "Deployment" && kind !== "ReplicaSet") continue;
    const replicas = spec !== null && typeof spec === "object" ? spec.replicas : undefined;
    if (typeof replicas === "number" && Number.isFinite(replicas) && replicas > 0) total += replicas;
  }
  return total;
}

/**
 * The parser's own limit messages (lib/sim/manifest/parse-manifests.ts), spelled out with the limits this route
 * passes, matched whole: a learner's YAML mistake that merely quotes a word like `nested` or `alias` (a duplicate
 * key `nested`, an unknown anchor `*alias`) is graded, not refused.
 */
export function buildLimitMatchers(file: string, limits: ManifestLimits): { code: ApiErrorCode; pattern: RegExp }[] {
  const prefix = `error parsing ${escapeRegExp(file)}: `;
  const yaml = `${prefix}error converting YAML to JSON: yaml: `;
  const whole = (body: string) => new RegExp(`^${body}$`);
  return [
    { code: "payload_too_large", pattern: whole(`${prefix}the text is \\d+ bytes; at most ${limits.maxBytes} bytes are accepted`) },
    { code: "unprocessable", pattern: whole(`${prefix}at most ${limits.maxDocuments} objects are accepted in one text`) },
    { code: "unprocessable", pattern: whole(`${prefix}objects may be nested at most ${limits.maxDepth} levels deep`) },
    { code: "unprocessable", pattern: whole(`${yaml}line \\d+: exceeded max depth`) },
    { code: "unprocessable", pattern: whole(`${yaml}document contains excessive aliasing`) },
    { code: "unprocessable", pattern: whole(`${yaml}line \\d+: control characters are not allowed`) },
  ];
}

const MATCHERS = buildLimitMatchers(LEARNER_FILE, LIMITS);

/** The status a parser message calls for when it reports a limit; undefined for an ordinary YAML mistake. */
export function classifyLimitError(message: string): ApiErrorCode | undefined {
  return MATCHERS.find((matcher) => matcher.pattern.test(message))?.code;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
