import type { ManifestObject } from "@/lib/sim/objects/meta";
import { normalizeShellName, preferredShell, resolveImageToolbox } from "../tools/image-tools";
import { containerNameForImage } from "./build-created-objects";
import { createObject } from "./create";
import { flagBoolean, flagValue, flagValues } from "./kubectl-flags";
import { failWith, formatStatusError, requestNamespace, type KubectlVerb } from "./kubectl-verb";

function parseLabels(text: string | undefined, name: string): Record<string, string> {
  if (!text) return { run: name };
  return Object.fromEntries(text.split(",").filter(Boolean).map((pair) => [pair.split("=")[0], pair.split("=").slice(1).join("=")]));
}

/**
 * `kubectl run NAME --image=IMAGE [-- ARGS]` (k8s.io/kubectl pkg/cmd/run/run.go): a bare Pod labelled
 * `run=NAME`, the arguments after `--` as the container's args (`--command` makes them its command). With
 * `-i --tty` kubectl attaches: it prints "If you don't see a command prompt, try pressing enter." and the
 * terminal is in the container's shell; with `--rm` the pod is deleted when that shell exits.
 */
export const runVerb: KubectlVerb = {
  summary: "Run a particular image on the cluster.",
  flags: [
    { long: "image" },
    { long: "rm", boolean: true },
    { long: "stdin", short: "i", boolean: true },
    { long: "tty", short: "t", boolean: true },
    { long: "attach", boolean: true },
    { long: "port" },
    { long: "labels", short: "l" },
    { long: "env", repeated: true },
    { long: "restart" },
    { long: "command", boolean: true },
    { long: "dry-run" },
    { long: "output", short: "o" },
    { long: "expose", boolean: true },
    { long: "quiet", short: "q", boolean: true },
  ],
  run(flags, context) {
    const host = context.session;
    const name = flags.positionals[0];
    if (!name) return failWith("error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n");
    const image = flagValue(flags, "image");
    if (!image) return failWith("error: required flag(s) \"image\" not set\n");
    const interactive = flagBoolean(flags, "stdin");
    const tty = flagBoolean(flags, "tty");
    const remove = flagBoolean(flags, "rm");
    if (remove && !interactive && !flagBoolean(flags, "attach")) return failWith("error: --rm should only be used for attached containers\n");
    if (flagValue(flags, "dry-run") && (interactive || tty)) return failWith("error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\nSee 'kubectl run -h' for help and examples\n");
    const port = flagValue(flags, "port");
    const env = flagValues(flags, "env").map((pair) => ({ name: pair.split("=")[0], value: pair.split("=").slice(1).join("=") }));
    const container: Record<string, unknown> = { name: containerNameForImage(name), image };
    if (flags.command.length > 0) container[flagBoolean(flags, "command") ? "command" : "args"] = flags.command;
    if (port) container.ports = [{ containerPort: Number(port) }];
    if (env.length > 0) container.env = env;
    if (interactive) Object.assign(container, { stdin: true, stdinOnce: true });
    if (tty) container.tty = true;
    container.name = name;
    const pod: ManifestObject = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name, labels: parseLabels(flagValue(flags, "labels"), name) },
      spec: { containers: [container], dnsPolicy: "ClusterFirst", restartPolicy: flagValue(flags, "restart") ?? "Always" },
    };
    const namespace = requestNamespace(flags, host);
    if (!interactive) return createObject(host, flags, pod, namespace);
    const created = host.cluster.create(pod, { namespace });
    if (!created.ok) return failWith(formatStatusError(created.error));
    const program = flags.command[0] ?? "";
    const shell = /^(\/bin\/)?(bash|sh|ash|zsh)$/.test(program) ? normalizeShellName(program) : preferredShell(image);
    if (flags.command.length > 0 && !/^(\/bin\/)?(bash|sh|ash|zsh)$/.test(program)) {
      const result = host.runInPod({ namespace, pod: name, container: name, shell }, flags.command, context.stdin);
      const removed = remove && host.cluster.delete("Pod", name, namespace).ok ? `pod "${name}" deleted\n` : "";
      return { stdout: result.stdout + removed, stderr: result.stderr, exitCode: result.exitCode };
    }
    if (!resolveImageToolbox(image).shells.includes(shell)) {
      // The container's process cannot start: the runtime reports the missing executable and kubectl gives up.
      const removed = remove && host.cluster.delete("Pod", name, namespace).ok ? `pod "${name}" deleted\n` : "";
      return failWith(`pod ${namespace}/${name} terminated (StartError)\nfailed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown\n${removed}`);
    }
    host.enterPod({ namespace, pod: name, container: name, shell, removeOnExit: remove, attached: true });
    return { stdout: tty ? "If you don't see a command prompt, try pressing enter.\n" : "", stderr: "", exitCode: 0 };
  },
};
