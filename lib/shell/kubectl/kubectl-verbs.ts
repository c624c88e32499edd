import type { KubectlVerb } from "./kubectl-verb";
import { getVerb } from "./get";

/** The verbs the simulated kubectl knows, by name. */
export const KUBECTL_VERBS: Readonly<Record<string, KubectlVerb>> = {
  get: getVerb,
};
