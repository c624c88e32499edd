import type { Command } from "../session/command";
import type { ShellHost } from "../session/shell-host";
import { runVerb, type KubectlVerb } from "./kubectl-verb";
import { KUBECTL_VERBS } from "./kubectl-verbs";

const USAGE_HINT = "See 'kubectl --help' for usage.";

function formatHelp(verbs: Readonly<Record<string, KubectlVerb>>): string {
  const names = Object.keys(verbs).sort();
  const width = Math.max(...names.map((n) => n.length)) + 3;
  return [
    "kubectl controls the Kubernetes cluster manager.",
    "",
    " Find more information at: https://kubernetes.io/docs/reference/kubectl/",
    "",
    "Commands available in this simulated cluster:",
    ...names.map((n) => `  ${n.padEnd(width)}${verbs[n].summary}`),
    "",
    "Usage:",
    "  kubectl [flags] [options]",
    "",
    "Use \"kubectl <command> --help\" for more information about a given command.",
    "",
  ].join("\n");
}

/**
 * `kubectl`: finds the verb (global flags such as `-n` may come before it, as kubectl allows) and hands the
 * remaining arguments to it. Unknown verbs are reported as kubectl reports them
 * (`error: unknown command "foo" for "kubectl"`).
 */
export const kubectl: Command<ShellHost> = (context) => {
  const args = context.argv.slice(1);
  const leading: string[] = [];
  let index = 0;
  while (index < args.length && args[index].startsWith("-")) {
    const arg = args[index];
    leading.push(arg);
    if ((arg === "-n" || arg === "--namespace" || arg === "--context") && index + 1 < args.length) leading.push(args[++index]);
    index++;
  }
  const name = args[index];
  if (name === undefined) {
    if (leading.some((a) => a === "-h" || a === "--help") || leading.length === 0) return { stdout: formatHelp(KUBECTL_VERBS), stderr: "", exitCode: 0 };
    return { stdout: "", stderr: `error: unknown flag: ${leading[0]}\n${USAGE_HINT}\n`, exitCode: 1 };
  }
  const verb = KUBECTL_VERBS[name];
  if (!verb) {
    const suggestion = Object.keys(KUBECTL_VERBS).find((v) => v.startsWith(name.slice(0, 3)));
    return {
      stdout: "",
      stderr: `error: unknown command "${name}" for "kubectl"${suggestion ? `\n\nDid you mean this?\n\t${suggestion}\n` : "\n"}`,
      exitCode: 1,
    };
  }
  return runVerb(verb, name, [...leading, ...args.slice(index + 1)], context);
};
