import { applyManifests } from "./apply-manifests";
import { flagValue } from "./kubectl-flags";
import type { KubectlVerb } from "./kubectl-verb";

export const applyVerb: KubectlVerb = {
  summary: "Apply a configuration to a resource by file name or stdin.",
  flags: [
    { long: "filename", short: "f", repeated: true },
    { long: "dry-run" },
    { long: "output", short: "o" },
    { long: "server-side", boolean: true },
    { long: "force", boolean: true },
    { long: "recursive", short: "R", boolean: true },
  ],
  run(flags, { session: host, stdin }) {
    return applyManifests(host, flags, stdin, "apply", flagValue(flags, "namespace"));
  },
};

export const replaceVerb: KubectlVerb = {
  summary: "Replace a resource by file name or stdin.",
  flags: [
    { long: "filename", short: "f", repeated: true },
    { long: "dry-run" },
    { long: "force", boolean: true },
  ],
  run(flags, { session: host, stdin }) {
    return applyManifests(host, flags, stdin, "replace", flagValue(flags, "namespace"));
  },
};
