import fs from "node:fs";
import path from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { exerciseDefinitionSchema, type ExerciseDefinition } from "@/lib/grader/exercise-definition";
import { ContentValidationError, type ContentError } from "./content-error";

/**
 * Exercises live beside their lesson: content/lessons/<lesson>/exercises/<exercise-id>/exercise.yaml, with the
 * scenario, starter, solution and known-wrong answers as sibling YAML files the definition names. This module
 * reads them into ExerciseDefinitions and reports every problem as `file:line: message`.
 */

export type LoadedExercise = { ok: true; exercise: ExerciseDefinition; dir: string } | { ok: false; errors: ContentError[] };

const FILE_FIELDS = [["scenario", "manifests"], ["starter"], ["solution"]] as const;

export function exerciseDirs(contentRoot: string): string[] {
  const lessonsDir = path.join(contentRoot, "lessons");
  if (!fs.existsSync(lessonsDir)) return [];
  return fs
    .readdirSync(lessonsDir)
    .sort()
    .flatMap((lesson) => {
      const dir = path.join(lessonsDir, lesson, "exercises");
      return fs.existsSync(dir)
        ? fs
            .readdirSync(dir)
            .sort()
            .map((id) => path.join(dir, id))
            .filter((d) => fs.statSync(d).isDirectory())
        : [];
    });
}

export function loadExercise(dir: string): LoadedExercise {
  const file = path.relative(process.cwd(), path.join(dir, "exercise.yaml"));
  if (!fs.existsSync(path.join(dir, "exercise.yaml"))) return { ok: false, errors: [{ file, line: 1, message: "missing exercise.yaml" }] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(fs.readFileSync(path.join(dir, "exercise.yaml"), "utf8"), { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return { ok: false, errors: doc.errors.map((e) => ({ file, line: lineCounter.linePos(e.pos[0]).line, message: e.message })) };
  }
  const raw = doc.toJS() as Record<string, unknown>;
  const errors: ContentError[] = [];
  const lineOf = (fieldPath: (string | number)[]) => {
    const node = doc.getIn(fieldPath, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  };
  const readSibling = (name: unknown, fieldPath: (string | number)[]): string | undefined => {
    if (typeof name !== "string" || !/^[-a-z0-9.]+\.(yaml|sh)$/.test(name)) {
      errors.push({ file, line: lineOf(fieldPath), message: `${fieldPath.join(".")} must name a .yaml (or, for terminal exercises, .sh) file beside exercise.yaml` });
      return undefined;
    }
    const sibling = path.join(dir, name);
    if (!fs.existsSync(sibling)) {
      errors.push({ file, line: lineOf(fieldPath), message: `${fieldPath.join(".")}: ${name} does not exist` });
      return undefined;
    }
    return fs.readFileSync(sibling, "utf8");
  };
  for (const fieldPath of FILE_FIELDS) {
    const parent = fieldPath.length === 2 ? (raw[fieldPath[0]] as Record<string, unknown> | undefined) : raw;
    const key = fieldPath[fieldPath.length - 1];
    if (parent && key in parent) parent[key] = readSibling(parent[key], [...fieldPath]);
  }
  if (Array.isArray(raw.wrongAnswers)) {
    raw.wrongAnswers = raw.wrongAnswers.map((wrong: Record<string, unknown>, index: number) => {
      const { file: wrongFile, ...rest } = wrong ?? {};
      return { ...rest, yaml: readSibling(wrongFile, ["wrongAnswers", index, "file"]) };
    });
  }
  const parsed = exerciseDefinitionSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const issuePath = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)).map((p) => (p === "yaml" ? "file" : p));
      errors.push({ file, line: lineOf(issuePath), message: `${issue.path.join(".") || "(root)"}: ${issue.message}` });
    }
  }
  if (parsed.success && parsed.data.id !== path.basename(dir)) {
    errors.push({ file, line: lineOf(["id"]), message: `id "${parsed.data.id}" must equal the folder name "${path.basename(dir)}"` });
  }
  const lessonId = path.basename(path.dirname(path.dirname(dir)));
  if (parsed.success && parsed.data.lesson !== lessonId) {
    errors.push({ file, line: lineOf(["lesson"]), message: `lesson "${parsed.data.lesson}" must be the enclosing lesson "${lessonId}"` });
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, exercise: parsed.data, dir };
}

/** Every exercise of the course, by id; throws with every error when any definition is broken (fails the build). */
export function loadAllExercises(contentRoot: string): Map<string, ExerciseDefinition> {
  const all = new Map<string, ExerciseDefinition>();
  const errors: ContentError[] = [];
  for (const dir of exerciseDirs(contentRoot)) {
    const loaded = loadExercise(dir);
    if (!loaded.ok) errors.push(...loaded.errors);
    else if (all.has(loaded.exercise.id)) errors.push({ file: path.relative(process.cwd(), path.join(dir, "exercise.yaml")), line: 1, message: `duplicate exercise id "${loaded.exercise.id}"` });
    else all.set(loaded.exercise.id, loaded.exercise);
  }
  if (errors.length > 0) throw new ContentValidationError(errors);
  return all;
}
