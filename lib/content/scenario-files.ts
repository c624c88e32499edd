import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { terminalScenarioSchema, type TerminalScenario } from "@/lib/grader/exercise-definition";
import { ContentValidationError, type ContentError } from "./content-error";

/**
 * Scenarios for terminals in lessons: content/scenarios/<id>/scenario.yaml naming its manifests file beside it.
 * A `<Terminal scenario="…">` may also name an exercise, whose scenario it then uses.
 */
export function loadTerminalScenarios(contentRoot: string): Map<string, TerminalScenario> {
  const dir = path.join(contentRoot, "scenarios");
  const scenarios = new Map<string, TerminalScenario>();
  const errors: ContentError[] = [];
  if (!fs.existsSync(dir)) return scenarios;
  for (const id of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, id, "scenario.yaml");
    const relative = path.relative(process.cwd(), file);
    if (!fs.existsSync(file)) {
      errors.push({ file: relative, line: 1, message: "missing scenario.yaml" });
      continue;
    }
    const raw = parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
    if (typeof raw?.manifests === "string" && raw.manifests.endsWith(".yaml")) {
      const manifests = path.join(dir, id, raw.manifests);
      if (fs.existsSync(manifests)) raw.manifests = fs.readFileSync(manifests, "utf8");
      else errors.push({ file: relative, line: 1, message: `manifests: ${raw.manifests} does not exist` });
    }
    const parsed = terminalScenarioSchema.safeParse(raw);
    if (!parsed.success) errors.push(...parsed.error.issues.map((issue) => ({ file: relative, line: 1, message: `${issue.path.join(".") || "(root)"}: ${issue.message}` })));
    else if (parsed.data.id !== id) errors.push({ file: relative, line: 1, message: `id "${parsed.data.id}" must equal the folder name "${id}"` });
    else scenarios.set(id, parsed.data);
  }
  if (errors.length > 0) throw new ContentValidationError(errors);
  return scenarios;
}
