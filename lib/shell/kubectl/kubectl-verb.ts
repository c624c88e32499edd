import type { StatusError } from "@/lib/sim/api/status-error";
import type { CommandContext, CommandResult } from "../session/command";
import type { ShellHost } from "../session/shell-host";
import { flagBoolean, flagValue, parseFlags, type FlagSpec, type ParsedFlags } from "./kubectl-flags";

/** One kubectl verb: its flags and what it does with them. */
export interface KubectlVerb {
  flags: readonly FlagSpec[];
  /** One line for `kubectl --help`. */
  summary: string;
  run(flags: ParsedFlags, context: CommandContext<ShellHost>): CommandResult;
}

export function runVerb(verb: KubectlVerb, name: string, args: readonly string[], context: CommandContext<ShellHost>): CommandResult {
  const parsed = parseFlags(args, verb.flags, name);
  if (!parsed.ok) return { stdout: "", stderr: parsed.message, exitCode: 1 };
  if (flagBoolean(parsed.flags, "help")) return { stdout: `${verb.summary}\n\nUsage:\n  kubectl ${name} [options]\n\nThis simulated kubectl accepts: ${verb.flags.map((f) => `--${f.long}`).join(", ")}\n`, stderr: "", exitCode: 0 };
  return verb.run(parsed.flags, context);
}

/** -n, or the context's namespace. */
export function requestNamespace(flags: ParsedFlags, host: ShellHost): string {
  return flagValue(flags, "namespace") ?? host.contextNamespace;
}

/**
 * An API error as kubectl's CheckErr prints it (k8s.io/kubectl pkg/cmd/util/helpers.go StandardErrorMessage):
 * `Error from server (NotFound): services "x" not found`; an Invalid error prints its own message, which already
 * reads `The Service "web" is invalid: …`.
 */
export function formatStatusError(error: StatusError, action?: { verb: "creating" | "patching" | "replacing"; file: string }): string {
  if (error.reason === "Invalid") return `${error.message}\n`;
  if (error.message.startsWith("no matches for kind")) return `error: resource mapping not found for name: "${error.details?.name ?? ""}" namespace: "" from "${action?.file ?? ""}": ${error.message}\nensure CRDs are installed first\n`;
  const where = action ? `error when ${action.verb} "${action.file}": ` : "";
  return `Error from server (${error.reason}): ${where}${error.message}\n`;
}

export const failWith = (stderr: string, exitCode = 1): CommandResult => ({ stdout: "", stderr, exitCode });
export const succeed = (stdout: string, stderr = ""): CommandResult => ({ stdout, stderr, exitCode: 0 });
