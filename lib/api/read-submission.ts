import { z } from "zod";
import { LEARNER_FILE } from "@/lib/grader/build-exercise-cluster";
import { MAX_SUBMISSION_BYTES } from "@/lib/grader/grade-submission";
import { resolveManifestLimits, type ManifestLimits } from "@/lib/sim/manifest/manifest-limits";
import { parseManifests } from "@/lib/sim/manifest/parse-manifests";
import { ApiError, type ApiErrorCode } from "./api-error";
import { isJsonRequest, readBodyText } from "./read-body-text";

/**
 * `{ "yaml": "…" }`. Other members are dropped, not trusted: a verdict the browser claims to have computed is
 * never read, because the route grades the YAML itself.
 */
const submissionSchema = z.object({ yaml: z.string() });

/** The JSON envelope around 64 KiB of YAML, escaped (`\n`, `\"`, `\u0000`), stays under this. */
const MAX_BODY_BYTES = 6 * MAX_SUBMISSION_BYTES;

const LIMITS = resolveManifestLimits({ maxBytes: MAX_SUBMISSION_BYTES });

/**
 * Pods a submission may ask its Deployments and ReplicaSets for, in total. The API server itself has no such
 * limit, but every replica is a Pod the simulator schedules and reconciles while the request waits (about a
 * millisecond each): `replicas: 1000000` would hold the server for many minutes. A lesson needs a handful.
 */
export const MAX_SUBMISSION_REPLICAS = 100;

/**
 * Reads and checks a submission before anything is written: JSON body `{ yaml }`, at most 64 KiB of YAML, at most
 * 100 documents, YAML aliases and nesting within the parser's limits, no control characters. Each violation is a
 * 4xx with a clear message; ordinary YAML mistakes pass through to be graded and explained.
 */
export async function readSubmission(request: Request): Promise<string> {
  if (!isJsonRequest(request)) {
    throw new ApiError("unsupported_media_type", "send the submission as application/json: {\"yaml\": \"…\"}");
  }
  const raw = await readBodyText(request, MAX_BODY_BYTES, `the request body is larger than ${MAX_BODY_BYTES} bytes; submissions are limited to 64 KiB of YAML`);
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new ApiError("bad_request", "the request body is not valid JSON");
  }
  const envelope = submissionSchema.safeParse(body);
  if (!envelope.success) throw new ApiError("bad_request", "the request body must be {\"yaml\": \"<your YAML>\"}");
  const yaml = envelope.data.yaml;
  const parsed = parseManifests(yaml, { file: LEARNER_FILE, limits: LIMITS });
  for (const error of parsed.errors) {
    const code = classifyLimitError(error.message);
    if (code) throw new ApiError(code, error.message);
  }
  const replicas = countRequestedReplicas(parsed.documents.map((d) => d.object));
  if (replicas > MAX_SUBMISSION_REPLICAS) {
    throw new ApiError("unprocessable", `the YAML asks for ${replicas} replicas; at most ${MAX_SUBMISSION_REPLICAS} in total are accepted`);
  }
  return yaml;
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
