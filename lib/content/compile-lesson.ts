import { createHash } from "node:crypto";
import path from "node:path";
import { bundleMDX } from "mdx-bundler";
import rehypePrettyCode, { type Options as PrettyCodeOptions } from "rehype-pretty-code";
import remarkGfm from "remark-gfm";
import type { ContentError } from "./content-error";
import type { Lesson } from "./load-course";
import { rehypeCollectHeadings, remarkCheckComponents, type ExerciseReference, type LessonHeading, type PluginProblem } from "./mdx-plugins";

export interface CompiledLesson {
  /** The function body mdx-bundler produces; render it with getMDXComponent and the lesson component map. */
  code: string;
  headings: LessonHeading[];
  /** The `<Exercise id>` elements of the lesson, in order. */
  exercises: ExerciseReference[];
  /** The `<Terminal scenario>` elements of the lesson, in order (id is the scenario). */
  terminals: ExerciseReference[];
}

export type CompileLessonResult = { ok: true; lesson: CompiledLesson } | { ok: false; errors: ContentError[] };

/** Both themes are emitted as CSS variables; app/globals.css picks one with prefers-color-scheme. */
const PRETTY_CODE_OPTIONS: PrettyCodeOptions = {
  theme: { light: "github-light", dark: "github-dark" },
  keepBackground: false,
  defaultLang: { block: "text" },
};

const cache = new Map<string, Promise<CompileLessonResult>>();

/**
 * Compiles a lesson body with mdx-bundler. Results are cached by file and content hash, so a static build
 * compiles each lesson once and the dev server recompiles only what changed.
 */
export function compileLesson(lesson: Pick<Lesson, "file" | "body">): Promise<CompileLessonResult> {
  const key = `${lesson.file}\0${createHash("sha256").update(lesson.body).digest("hex")}`;
  let result = cache.get(key);
  if (!result) {
    result = compileUncached(lesson);
    cache.set(key, result);
  }
  return result;
}

async function compileUncached({ file, body }: Pick<Lesson, "file" | "body">): Promise<CompileLessonResult> {
  const problems: PluginProblem[] = [];
  const headings: LessonHeading[] = [];
  const exercises: ExerciseReference[] = [];
  const terminals: ExerciseReference[] = [];
  try {
    const { code } = await bundleMDX({
      source: body,
      cwd: path.resolve(path.dirname(file)),
      mdxOptions(options) {
        options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm, remarkCheckComponents(problems, exercises, terminals)];
        options.rehypePlugins = [...(options.rehypePlugins ?? []), rehypeCollectHeadings(headings), [rehypePrettyCode, PRETTY_CODE_OPTIONS]];
        return options;
      },
      esbuildOptions: (options) => ({ ...options, logLevel: "silent", minify: true, sourcemap: false }),
    });
    if (problems.length > 0) return { ok: false, errors: problems.map((p) => ({ file, ...p })) };
    return { ok: true, lesson: { code, headings, exercises, terminals } };
  } catch (error) {
    return { ok: false, errors: [...problems.map((p) => ({ file, ...p })), ...locateCompileErrors(file, error)] };
  }
}

interface EsbuildMessage {
  text?: string;
  location?: { line?: number } | null;
  detail?: { line?: number; reason?: string; cause?: { line?: number; reason?: string } };
}

/** esbuild wraps the MDX compiler's message (with its line) in `errors[].detail`; unwrap it. */
function locateCompileErrors(file: string, error: unknown): ContentError[] {
  const messages = (error as { errors?: EsbuildMessage[] }).errors;
  if (!Array.isArray(messages) || messages.length === 0) {
    return [{ file, line: 1, message: error instanceof Error ? error.message : String(error) }];
  }
  return messages.map((message) => {
    const cause = message.detail?.cause ?? message.detail;
    const reason = cause?.reason ?? message.text ?? "cannot compile";
    // At end of file the MDX parser reports line 0 and names the opening tag's position in the text.
    const line = [cause?.line, message.location?.line, Number(/\((\d+):\d+/.exec(reason)?.[1])].find((n) => typeof n === "number" && n > 0);
    return { file, line: line ?? 1, message: `MDX: ${reason}` };
  });
}
