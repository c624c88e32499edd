import { z } from "zod";
import { terminalLogEntrySchema, type Submission } from "@/lib/grader/exercise-definition";
import { ApiError } from "./api-error";
import { isJsonRequest, readBodyText } from "./read-body-text";

const MAX_BODY_BYTES = 512 * 1024;

/** Members other than `log` and `answers` (a verdict the browser computed) are dropped, never read. */
const terminalWorkSchema = z.object({
  log: z.array(terminalLogEntrySchema).max(2000),
  answers: z.record(z.string().max(100), z.string().max(500)).default({}),
});

/**
 * Reads a terminal exercise's work: `{ log, answers }`, the session's command log (at most 2,000 entries) and the
 * answers typed beside it. The server replays the log itself; nothing the browser concluded is taken on trust.
 */
export async function readTerminalWork(request: Request): Promise<Extract<Submission, { log: unknown }>> {
  if (!isJsonRequest(request)) {
    throw new ApiError("unsupported_media_type", 'send the work as application/json: {"log": [...], "answers": {...}}');
  }
  const raw = await readBodyText(request, MAX_BODY_BYTES, "a terminal log is limited to 512 KiB");
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new ApiError("bad_request", "the request body is not valid JSON");
  }
  const parsed = terminalWorkSchema.safeParse(body);
  if (!parsed.success) throw new ApiError("bad_request", 'the request body must be {"log": [...], "answers": {...}} with at most 2000 log entries');
  return parsed.data;
}
