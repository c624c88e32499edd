import { parseManifests } from "@/lib/sim/manifest/parse-manifests";
import { admitObject } from "@/lib/sim/validation/admit-object";
import { DEFAULT_CLUSTER_CONFIG } from "@/lib/sim/config";
import { formatFieldError } from "@/lib/sim/validation/format-field-error";
import type { Diagnostic } from "./check-result";

/**
 * What the API server would say about each document of a draft, without a cluster: parse errors, strict
 * decoding, schema and validation errors, each at its line. Runs on every pause in typing.
 */
export function diagnoseDraft(text: string, file = "exercise.yaml"): Diagnostic[] {
  const parsed = parseManifests(text, { file });
  const diagnostics: Diagnostic[] = parsed.errors.map((e) => ({ severity: "error", message: e.message, position: e.position }));
  for (const document of parsed.documents) {
    const admitted = admitObject(document.object, { operation: "create", source: document.source, config: DEFAULT_CLUSTER_CONFIG });
    if (admitted.ok) continue;
    const causes = admitted.error.causes ?? [];
    if (causes.length === 0) diagnostics.push({ severity: "error", message: admitted.error.message, position: document.source.locate("") });
    for (const cause of causes) diagnostics.push({ severity: "error", message: formatFieldError(cause), position: cause.position ?? document.source.locate("") });
  }
  return diagnostics;
}
