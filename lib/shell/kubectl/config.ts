import { formatTable } from "../format/format-table";
import { failWith, type KubectlVerb } from "./kubectl-verb";

/** The one context of the simulated kubeconfig: a kind cluster named after the course. */
export const CONTEXT_NAME = "kind-netlab";

/** `kubectl config get-contexts | current-context | view` (k8s.io/kubectl pkg/cmd/config). */
export const configVerb: KubectlVerb = {
  summary: "Modify kubeconfig files.",
  flags: [{ long: "output", short: "o" }, { long: "minify", boolean: true }, { long: "raw", boolean: true }, { long: "current", boolean: true }],
  run(flags) {
    const sub = flags.positionals[0];
    switch (sub) {
      case "get-contexts":
        if (flags.positionals[1] && flags.positionals[1] !== CONTEXT_NAME) return failWith(`error: context ${flags.positionals[1]} not found\n`);
        return { stdout: formatTable([["CURRENT", "NAME", "CLUSTER", "AUTHINFO", "NAMESPACE"], ["*", CONTEXT_NAME, CONTEXT_NAME, CONTEXT_NAME, ""]]), stderr: "", exitCode: 0 };
      case "current-context":
        return { stdout: `${CONTEXT_NAME}\n`, stderr: "", exitCode: 0 };
      case "get-clusters":
        return { stdout: `NAME\n${CONTEXT_NAME}\n`, stderr: "", exitCode: 0 };
      case "view":
        return {
          stdout: [
            "apiVersion: v1",
            "clusters:",
            "- cluster:",
            "    certificate-authority-data: DATA+OMITTED",
            "    server: https://127.0.0.1:6443",
            `  name: ${CONTEXT_NAME}`,
            "contexts:",
            "- context:",
            `    cluster: ${CONTEXT_NAME}`,
            `    user: ${CONTEXT_NAME}`,
            `  name: ${CONTEXT_NAME}`,
            `current-context: ${CONTEXT_NAME}`,
            "kind: Config",
            "preferences: {}",
            "users:",
            `- name: ${CONTEXT_NAME}`,
            "  user:",
            "    client-certificate-data: DATA+OMITTED",
            "    client-key-data: DATA+OMITTED",
            "",
          ].join("\n"),
          stderr: "",
          exitCode: 0,
        };
      case "set-context":
      case "use-context":
        return failWith(`error: this simulated terminal has a single context, ${CONTEXT_NAME}; use -n NAMESPACE on each command instead\n`);
      default:
        return { stdout: "", stderr: `error: unknown command "${sub ?? ""}" for "kubectl config"\nAvailable Commands: current-context, get-clusters, get-contexts, view\n`, exitCode: 1 };
    }
  },
};
