import type { KubectlVerb } from "./kubectl-verb";
import { annotateVerb, labelVerb } from "./label";
import { apiResourcesVerb } from "./api-resources";
import { applyVerb, replaceVerb } from "./apply";
import { configVerb } from "./config";
import { createVerb } from "./create";
import { deleteVerb } from "./delete";
import { describeVerb } from "./describe";
import { editVerb } from "./edit";
import { execVerb } from "./exec";
import { explainVerb } from "./explain";
import { exposeVerb } from "./expose";
import { getVerb } from "./get";
import { logsVerb } from "./logs";
import { portForwardVerb } from "./port-forward";
import { runVerb } from "./run";
import { scaleVerb } from "./scale";
import { versionVerb } from "./version";

/** The verbs the simulated kubectl knows, by name; kubectl's own command table (k8s.io/kubectl pkg/cmd/cmd.go). */
export const KUBECTL_VERBS: Readonly<Record<string, KubectlVerb>> = {
  annotate: annotateVerb,
  "api-resources": apiResourcesVerb,
  apply: applyVerb,
  config: configVerb,
  create: createVerb,
  delete: deleteVerb,
  describe: describeVerb,
  edit: editVerb,
  exec: execVerb,
  explain: explainVerb,
  expose: exposeVerb,
  get: getVerb,
  label: labelVerb,
  logs: logsVerb,
  "port-forward": portForwardVerb,
  replace: replaceVerb,
  run: runVerb,
  scale: scaleVerb,
  version: versionVerb,
};
