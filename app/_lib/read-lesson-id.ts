import "server-only";
import { findLesson } from "@/lib/content/course-navigation";
import { getCourse } from "@/lib/content/get-course";
import { ContentIdSchema } from "@/lib/content/schema";

export interface LessonIdInput {
  lessonId: string;
  /** A plain HTML form post (no JavaScript): answer with a redirect instead of JSON. */
  fromForm: boolean;
}

const MAX_BODY_BYTES = 4096;

/**
 * The `lessonId` of a JSON or URL-encoded form body, accepted only if it names a lesson of the course.
 * The body is read up to 4 KiB whatever Content-Length claims; anything larger is rejected unread.
 */
export async function readLessonId(request: Request): Promise<LessonIdInput | null> {
  const fromForm = (request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded");
  const text = await readBodyText(request, MAX_BODY_BYTES);
  if (text === null) return null;
  let raw: unknown;
  try {
    raw = fromForm ? new URLSearchParams(text).get("lessonId") : (JSON.parse(text) as { lessonId?: unknown } | null)?.lessonId;
  } catch {
    return null;
  }
  const parsed = ContentIdSchema.safeParse(raw);
  if (!parsed.success || !findLesson(getCourse(), parsed.data)) return null;
  return { lessonId: parsed.data, fromForm };
}

async function readBodyText(request: Request, limit: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > limit || !request.body) return request.body ? null : "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
