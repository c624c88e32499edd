import type { CniName } from "@/lib/sim/cni/cni-profile";
import type { ParseManifestsResult } from "@/lib/sim/manifest/parse-manifests";
import { buildExerciseCluster, LEARNER_FILE, parseLearnerYaml, type ExerciseCluster } from "./build-exercise-cluster";
import type { CheckResult, GradeResult } from "./check-result";
import type { ExerciseDefinition, Submission } from "./exercise-definition";
import { runCheck } from "./run-check";
import { keepLearnerPositions } from "./check-context";

/** The most a submission may be, as text (the route handler enforces the same before parsing). */
export const MAX_SUBMISSION_BYTES = 64 * 1024;

/**
 * Grades a submission against an exercise: builds the scenario cluster, applies the learner's YAML (or replays
 * their terminal commands), runs every
 * check in authored order. Pure and synchronous, so the browser gives instant feedback and the server recomputes
 * the same verdict before recording it. Never throws: an exercise whose scenario is broken grades as `error`.
 */
export function gradeSubmission(exercise: ExerciseDefinition, work: string | Submission): GradeResult {
  const submission: Submission = typeof work === "string" ? { yaml: work } : work;
  const answers = "answers" in submission ? submission.answers : undefined;
  const clusters = new Map<CniName, ExerciseCluster>();
  // Read once, applied to the cluster of every CNI the checks ask for.
  let learnerYaml: ParseManifestsResult | undefined;
  const clusterFor = (cni: CniName | undefined): ExerciseCluster => {
    const key = cni ?? exercise.scenario.cni;
    let built = clusters.get(key);
    if (!built) {
      if ("yaml" in submission) learnerYaml ??= parseLearnerYaml(submission.yaml);
      built = buildExerciseCluster(exercise, submission, key, learnerYaml);
      clusters.set(key, built);
    }
    return built;
  };
  let base: ExerciseCluster;
  try {
    base = clusterFor(undefined);
  } catch (error) {
    return { status: "error", diagnostics: [{ severity: "error", message: String(error instanceof Error ? error.message : error) }], checks: [] };
  }
  const appliedResult = appliesResult(base);
  const checks = exercise.checks.map((spec): CheckResult => {
    // Object.assign, not a spread that gains `task`: such copies outlive scavenges (docs/performance.md).
    const applied = spec.type === "applies" ? Object.assign({}, appliedResult, { id: spec.id, title: spec.title, task: spec.task }) : undefined;
    try {
      const { cluster } = clusterFor(spec.cni);
      const context = { state: cluster, learnerFile: LEARNER_FILE, answers };
      const result = runCheck(context, spec, applied);
      return { ...result, explanation: keepLearnerPositions(context, result.explanation) };
    } catch (error) {
      return { id: spec.id, title: spec.title, task: spec.task, status: "error", message: String(error instanceof Error ? error.message : error), explanation: [] };
    }
  });
  const status = checks.some((c) => c.status === "error") ? "error" : checks.every((c) => c.status === "pass") ? "pass" : "fail";
  return { status, checks, diagnostics: base.diagnostics };
}

function appliesResult(built: ExerciseCluster): CheckResult {
  const first = built.diagnostics[0];
  if (!first) return { id: "", title: "", status: "pass", message: "every object was accepted by the API server", explanation: [] };
  return {
    id: "",
    title: "",
    status: "fail",
    message: built.diagnostics.length === 1 ? first.message : `${built.diagnostics.length} problems; the first: ${first.message}`,
    explanation: [],
    position: first.position,
  };
}
