import { z } from "zod";

/** Ids are kebab-case, stable and never reused: progress rows and URLs refer to them. */
export const ContentIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case (lowercase letters, digits and single hyphens)");

const TextSchema = z.string().trim().min(1, "must not be empty");

export const CourseModuleSchema = z.strictObject({
  id: ContentIdSchema,
  title: TextSchema,
  summary: TextSchema,
  lessons: z.array(ContentIdSchema).min(1, "a module needs at least one lesson"),
});

/** content/course.json: the one index that orders modules and lessons. */
export const CourseIndexSchema = z.strictObject({
  id: ContentIdSchema,
  title: TextSchema,
  summary: TextSchema,
  modules: z.array(CourseModuleSchema).min(1, "the course needs at least one module"),
});

/** The YAML frontmatter of content/lessons/<id>/lesson.mdx. */
export const LessonFrontmatterSchema = z.strictObject({
  id: ContentIdSchema,
  title: TextSchema,
  summary: TextSchema,
  objectives: z.array(TextSchema).min(2, "list 2 to 6 objectives").max(6, "list 2 to 6 objectives"),
  estimatedMinutes: z.number().int("must be a whole number of minutes").min(1).max(120),
  draft: z.boolean().optional(),
});

export type CourseIndex = z.infer<typeof CourseIndexSchema>;
export type CourseModuleIndex = z.infer<typeof CourseModuleSchema>;
export type LessonFrontmatter = z.infer<typeof LessonFrontmatterSchema>;
