import { Cluster } from "@/lib/sim/store/cluster";
import { parseManifests, type ParseManifestsResult } from "@/lib/sim/manifest/parse-manifests";
import type { CniName } from "@/lib/sim/cni/cni-profile";
import type { StatusError } from "@/lib/sim/api/status-error";
import { formatFieldError } from "@/lib/sim/validation/format-field-error";
import type { Diagnostic } from "./check-result";
import type { ExerciseDefinition, Scenario, Submission } from "./exercise-definition";
import { replayTerminalLog } from "./replay-terminal-log";

/** The file name the learner's YAML is known by in sources and messages. */
export const LEARNER_FILE = "exercise.yaml";
const SCENARIO_FILE = "scenario.yaml";

export interface ExerciseCluster {
  cluster: Cluster;
  /** Problems with the learner's YAML, each at its line: what `kubectl apply -f exercise.yaml` would print. */
  diagnostics: Diagnostic[];
}

/**
 * The scenario's cluster with the learner's work on top: YAML applied document by document as `kubectl apply -f`
 * does (a rejected document changes nothing; the others still apply), or a terminal's command log replayed. A
 * broken scenario is an authoring error and throws; the learner's mistakes come back as diagnostics.
 */
export function buildExerciseCluster(exercise: ExerciseDefinition, submission: Submission, cni?: CniName, learnerYaml?: ParseManifestsResult): ExerciseCluster {
  const cluster = scenarioCluster(exercise, cni ?? exercise.scenario.cni).clone();
  if ("log" in submission) {
    replayTerminalLog(cluster, submission.log);
    return { cluster, diagnostics: [] };
  }
  const parsed = learnerYaml ?? parseLearnerYaml(submission.yaml);
  return { cluster, diagnostics: applyParsedManifests(cluster, parsed, exercise.scenario.namespace) };
}

/**
 * The learner's YAML read as `kubectl apply -f exercise.yaml` reads it. A grade whose checks need the
 * submission on clusters with different CNIs reads it once and applies the same documents to each (applying
 * never changes a parsed document: every write works on its own copy).
 */
export function parseLearnerYaml(yaml: string): ParseManifestsResult {
  return parseManifests(yaml, { file: LEARNER_FILE });
}

/** Scenario clusters are built once per scenario and CNI, then cloned for every grade (a clone shares objects). */
const scenarios = new WeakMap<Scenario, Map<CniName, Cluster>>();

function scenarioCluster(exercise: ExerciseDefinition, cni: CniName): Cluster {
  let byCni = scenarios.get(exercise.scenario);
  if (!byCni) {
    byCni = new Map();
    scenarios.set(exercise.scenario, byCni);
  }
  const cached = byCni.get(cni);
  if (cached) return cached;
  const built = buildScenarioCluster(exercise.scenario, exercise.id, cni);
  byCni.set(cni, built);
  return built;
}

/** The cluster a scenario describes, fresh: a broken scenario is an authoring error and throws. */
export function buildScenarioCluster(scenario: Scenario, name: string, cni: CniName = scenario.cni): Cluster {
  const cluster = Cluster.create({
    config: {
      cni,
      ...(scenario.networkPolicyEnforcement !== undefined ? { networkPolicyEnforcement: scenario.networkPolicyEnforcement } : {}),
    },
    addons: ["coredns", ...scenario.addons],
  });
  const scenarioProblems = applyManifests(cluster, scenario.manifests, SCENARIO_FILE, "default");
  if (scenarioProblems.length > 0) {
    throw new Error(`the scenario of ${name} does not apply: ${scenarioProblems.map((d) => d.message).join("; ")}`);
  }
  return cluster;
}

/**
 * `kubectl apply -f` with `namespace` as the context's namespace: objects that name a namespace keep it, the
 * others land in `namespace` (unlike `-n`, which would refuse a mismatch).
 */
export function applyManifests(cluster: Cluster, text: string, file: string, namespace: string): Diagnostic[] {
  return applyParsedManifests(cluster, parseManifests(text, { file }), namespace);
}

/** applyManifests for text already parsed. */
export function applyParsedManifests(cluster: Cluster, parsed: ParseManifestsResult, namespace: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = parsed.errors.map((e) => ({ severity: "error", message: e.message, position: e.position }));
  for (const document of parsed.documents) {
    const named = (document.object.metadata as { namespace?: unknown } | undefined)?.namespace;
    const applied = cluster.apply(document.object, { source: document.source, namespace: typeof named === "string" && named ? named : namespace });
    if (!applied.ok) diagnostics.push(...statusDiagnostics(applied.error, document.source.locate("metadata.name") ?? document.source.locate("")));
  }
  return diagnostics;
}

/** One diagnostic per field error (each at its own line), or the status message at the document. */
function statusDiagnostics(error: StatusError, fallback: Diagnostic["position"]): Diagnostic[] {
  if (error.causes && error.causes.length > 0) {
    return error.causes.map((cause) => ({ severity: "error", message: formatFieldError(cause), position: cause.position ?? fallback }));
  }
  return [{ severity: "error", message: error.message, position: fallback }];
}
