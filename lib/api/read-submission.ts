import { z } from "zod";
import { parseManifests } from "@/lib/sim/manifest/parse-manifests";
import { MAX_SUBMISSION_BYTES } from "@/lib/grader/grade-submission";
import { ApiError } from "./api-error";

const submissionSchema = z.object({ yaml: z.string() }).strict();

/** The JSON envelope around 64 KiB of YAML, escaped, stays well under this. */
const MAX_BODY_BYTES = 4 * MAX_SUBMISSION_BYTES;

/**
 * Reads and checks a submission before anything is written: JSON body `{ yaml }`, at most 64 KiB of YAML, at most
 * 100 documents, YAML aliases and nesting within the parser's limits. Each violation is a 4xx with a clear message.
 */
export async function readSubmission(request: Request): Promise<string> {
  if (!(request.headers.get("content-type") ?? "").includes("application/json")) {
    throw new ApiError("unsupported_media_type", "send the submission as application/json: {\"yaml\": \"…\"}");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new ApiError("payload_too_large", `the request body is ${declared} bytes; submissions are limited to 64 KiB of YAML`);
  const raw = await request.text();
  if (raw.length > MAX_BODY_BYTES) throw new ApiError("payload_too_large", "submissions are limited to 64 KiB of YAML");
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new ApiError("bad_request", "the request body is not valid JSON");
  }
  const parsed = submissionSchema.safeParse(body);
  if (!parsed.success) throw new ApiError("bad_request", "the request body must be {\"yaml\": \"<your YAML>\"}");
  const yaml = parsed.data.yaml;
  const bytes = new TextEncoder().encode(yaml).length;
  if (bytes > MAX_SUBMISSION_BYTES) throw new ApiError("payload_too_large", `the YAML is ${bytes} bytes; at most ${MAX_SUBMISSION_BYTES} (64 KiB) are accepted`);
  const limitProblem = parseManifests(yaml, { limits: { maxBytes: MAX_SUBMISSION_BYTES } }).errors.find(isLimitError);
  if (limitProblem) throw new ApiError("unprocessable", limitProblem.message);
  return yaml;
}

/** Limit violations reject the request outright; ordinary YAML mistakes are graded (and explained) instead. */
function isLimitError(error: { message: string }): boolean {
  return /at most|too many|alias|nested|control characters/i.test(error.message);
}
