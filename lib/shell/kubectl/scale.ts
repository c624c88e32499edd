import { flagValue } from "./kubectl-flags";
import { failWith, formatStatusError, requestNamespace, type KubectlVerb } from "./kubectl-verb";
import { formatResourcePrefix, resolveResourceType } from "./resource-types";

/** `kubectl scale deployment web --replicas=3` → `deployment.apps/web scaled` (k8s.io/kubectl pkg/cmd/scale). */
export const scaleVerb: KubectlVerb = {
  summary: "Set a new size for a deployment or replica set.",
  flags: [{ long: "replicas" }, { long: "current-replicas" }, { long: "selector", short: "l" }, { long: "all", boolean: true }],
  run(flags, { session: host }) {
    const replicasText = flagValue(flags, "replicas");
    const [first, second] = flags.positionals;
    const [type, name] = first?.includes("/") ? first.split("/") : [first, second];
    if (!type) return failWith("error: You must specify the type of resource to scale. Use \"kubectl api-resources\" for a complete list of supported resources.\n");
    const kind = resolveResourceType(type);
    if (!kind) return failWith(`error: the server doesn't have a resource type "${type}"\n`);
    if (replicasText === undefined || !/^\d+$/.test(replicasText)) return failWith("error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n");
    if (!name) return failWith("error: resource(s) were provided, but no name was specified\n");
    const result = host.cluster.scale(kind, name, requestNamespace(flags, host), Number(replicasText));
    if (!result.ok) return failWith(result.error.reason === "BadRequest" ? `error: ${result.error.message}\n` : formatStatusError(result.error));
    return { stdout: `${formatResourcePrefix(kind)}/${name} scaled\n`, stderr: "", exitCode: 0 };
  },
};
