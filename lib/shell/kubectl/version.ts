import { flagBoolean, flagValue } from "./kubectl-flags";
import type { KubectlVerb } from "./kubectl-verb";
import { formatJson, formatYaml } from "./format-object-output";

/** The simulated client: kubectl v1.32 with its bundled Kustomize (k8s.io/kubectl pkg/cmd/version). */
export const CLIENT_VERSION = "v1.32.4";
const KUSTOMIZE_VERSION = "v5.5.0";

export const versionVerb: KubectlVerb = {
  summary: "Print the client and server version information.",
  flags: [{ long: "client", boolean: true }, { long: "output", short: "o" }],
  run(flags, { session: host }) {
    const server = host.cluster.list("Node")[0]?.status?.nodeInfo?.kubeletVersion ?? "v1.32.2";
    const client = flagBoolean(flags, "client");
    const output = flagValue(flags, "output");
    if (output === "yaml" || output === "json") {
      const data: Record<string, unknown> = {
        clientVersion: { gitVersion: CLIENT_VERSION, major: "1", minor: "32", platform: "linux/amd64" },
        kustomizeVersion: KUSTOMIZE_VERSION,
        ...(client ? {} : { serverVersion: { gitVersion: server, major: "1", minor: "32", platform: "linux/amd64" } }),
      };
      return { stdout: output === "yaml" ? formatYaml(data) : formatJson(data), stderr: "", exitCode: 0 };
    }
    const lines = [`Client Version: ${CLIENT_VERSION}`, `Kustomize Version: ${KUSTOMIZE_VERSION}`];
    if (!client) lines.push(`Server Version: ${server}`);
    return { stdout: `${lines.join("\n")}\n`, stderr: "", exitCode: 0 };
  },
};
