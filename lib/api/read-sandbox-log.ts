import { z } from "zod";
import { ApiError } from "./api-error";
import { isJsonRequest, readBodyText } from "./read-body-text";

/** A sandbox log is what ShellSession.entries() returns: commands typed, Ctrl-C, files handed to the shell, and what the page's editor saved for kubectl edit. */
const entrySchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("execute"), input: z.string().max(16 * 1024) }).strict(),
  z.object({ type: z.literal("interrupt") }).strict(),
  z.object({ type: z.literal("file"), name: z.string().max(200), text: z.string().max(64 * 1024) }).strict(),
  z.object({ type: z.literal("edit"), text: z.string().max(64 * 1024).nullable() }).strict(),
]);
export type SandboxLogEntry = z.infer<typeof entrySchema>;

const MAX_ENTRIES = 2000;
const MAX_BODY_BYTES = 512 * 1024;

/** Reads `{ log: [...] }`: at most 2,000 entries and 512 KiB, each entry of a known shape. */
export async function readSandboxLog(request: Request): Promise<SandboxLogEntry[]> {
  if (!isJsonRequest(request)) throw new ApiError("unsupported_media_type", "send the log as application/json");
  const raw = await readBodyText(request, MAX_BODY_BYTES, "a sandbox log is limited to 512 KiB");
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new ApiError("bad_request", "the request body is not valid JSON");
  }
  const parsed = z.object({ log: z.array(entrySchema).max(MAX_ENTRIES) }).strict().safeParse(body);
  if (!parsed.success) throw new ApiError("bad_request", `the request body must be {"log": [...]} with at most ${MAX_ENTRIES} known entries`);
  return parsed.data.log;
}
