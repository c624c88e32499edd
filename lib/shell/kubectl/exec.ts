import { normalizeShellName, preferredShell } from "../tools/image-tools";
import { flagBoolean, flagValue } from "./kubectl-flags";
import { failWith, requestNamespace, type KubectlVerb } from "./kubectl-verb";
import { resolvePodTarget } from "./resolve-pod-target";

const SHELL = /^(\/bin\/|\/usr\/bin\/)?(bash|sh|ash|zsh)$/;

/**
 * `kubectl exec POD [-c CONTAINER] [-it] -- COMMAND…` (k8s.io/kubectl pkg/cmd/exec): with -it and a shell, the
 * terminal moves into the container; otherwise the command runs there and its output comes back. A shell the
 * image does not have fails as the runtime reports it (`executable file not found in $PATH`).
 */
export const execVerb: KubectlVerb = {
  summary: "Execute a command in a container.",
  flags: [
    { long: "stdin", short: "i", boolean: true },
    { long: "tty", short: "t", boolean: true },
    { long: "container", short: "c" },
    { long: "quiet", short: "q", boolean: true },
  ],
  run(flags, context) {
    const host = context.session;
    const target = flags.positionals[0];
    if (!target) return failWith("error: pod, type/name or --filename must be specified\n");
    if (flags.command.length === 0) {
      return failWith("error: you must specify at least one command for the container\n");
    }
    const namespace = requestNamespace(flags, host);
    const resolved = resolvePodTarget(host, target, namespace);
    if ("error" in resolved) return failWith(resolved.error);
    const pod = resolved.pod;
    const phase = pod.status?.phase;
    if (phase === "Succeeded" || phase === "Failed") return failWith(`error: cannot exec into a container in a completed pod; current phase is ${phase}\n`);
    if (phase !== "Running") return failWith(`error: unable to upgrade connection: container not found ("${pod.spec?.containers?.[0]?.name ?? ""}")\n`);
    const containers = pod.spec?.containers ?? [];
    const containerName = flagValue(flags, "container") ?? containers[0]?.name ?? "";
    const container = containers.find((c) => c.name === containerName);
    if (!container) return failWith(`error: unable to upgrade connection: container ${containerName} not found in pod ${pod.metadata.name}\n`);
    const defaulted = !flagValue(flags, "container") && containers.length > 1 ? `Defaulted container "${containerName}" out of: ${containers.map((c) => c.name).join(", ")}\n` : "";
    const program = flags.command[0];
    const interactive = flagBoolean(flags, "stdin") && flagBoolean(flags, "tty");
    const podNamespace = pod.metadata.namespace ?? namespace;
    if (interactive && SHELL.test(program) && flags.command.length === 1) {
      const shell = normalizeShellName(program);
      const toolbox = preferredShell(container.image);
      if (shell !== "sh" && toolbox === "sh") {
        return failWith(`${defaulted}OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown\ncommand terminated with exit code 126\n`, 126);
      }
      host.enterPod({ namespace: podNamespace, pod: pod.metadata.name, container: containerName, shell });
      return { stdout: "", stderr: defaulted, exitCode: 0 };
    }
    const result = host.runInPod({ namespace: podNamespace, pod: pod.metadata.name, container: containerName, shell: preferredShell(container.image) }, flags.command, context.stdin);
    const terminated = result.exitCode !== 0 ? `command terminated with exit code ${result.exitCode}\n` : "";
    return { stdout: result.stdout, stderr: defaulted + result.stderr + terminated, exitCode: result.exitCode };
  },
};
