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

/** The `lessonId` of a JSON or form body, accepted only if it names a lesson of the course. */
export async function readLessonId(request: Request): Promise<LessonIdInput | null> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) return null;
  const contentType = request.headers.get("content-type") ?? "";
  const fromForm = contentType.startsWith("application/x-www-form-urlencoded") || contentType.startsWith("multipart/form-data");
  let raw: unknown;
  try {
    raw = fromForm ? (await request.formData()).get("lessonId") : ((await request.json()) as { lessonId?: unknown } | null)?.lessonId;
  } catch {
    return null;
  }
  const parsed = ContentIdSchema.safeParse(raw);
  if (!parsed.success || !findLesson(getCourse(), parsed.data)) return null;
  return { lessonId: parsed.data, fromForm };
}
