import { z } from "zod";
import { MAX_SUBMISSION_BYTES } from "@/lib/grader/grade-submission";
import { ApiError } from "./api-error";
import { isJsonRequest, readBodyText } from "./read-body-text";

/**
 * `{ "yaml": "…" }`. Other members are dropped, not trusted: a verdict the browser claims to have computed is
 * never read, because the route grades the YAML itself.
 */
const submissionSchema = z.object({ yaml: z.string() });

/** The JSON envelope around 64 KiB of YAML, escaped (`\n`, `\"`, `\u0000`), stays under this. */
const MAX_BODY_BYTES = 6 * MAX_SUBMISSION_BYTES;

/**
 * Reads a submission's envelope: a JSON body `{ yaml }` of bounded size. Each violation is a 4xx with a clear
 * message. The YAML's own limits (size, documents, aliases, nesting, replicas) are checked where it is parsed,
 * on the grading thread (lib/api/submission-limits.ts), before anything is written.
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
  return envelope.data.yaml;
}
