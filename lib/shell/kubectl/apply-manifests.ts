import type { Kind } from "@/lib/sim/objects/kinds";
import { isKind } from "@/lib/sim/objects/kinds";
import type { Cluster } from "@/lib/sim/store/cluster";
import type { CommandResult } from "../session/command";
import type { ShellHost } from "../session/shell-host";
import { flagValue, flagValues, type ParsedFlags } from "./kubectl-flags";
import { formatStatusError } from "./kubectl-verb";
import { formatResourcePrefix } from "./resource-types";

/** Where `-f` reads from: a file the session holds (the exercise editor's), or `-` for stdin (a heredoc, a pipe). */
export function readManifestSources(host: ShellHost, flags: ParsedFlags, stdin: string): { sources: { name: string; text: string }[]; error?: string } {
  const names = flagValues(flags, "filename");
  if (names.length === 0) return { sources: [], error: "error: must specify one of -f and -k\n" };
  const sources: { name: string; text: string }[] = [];
  for (const name of names) {
    if (name === "-") {
      sources.push({ name: "STDIN", text: stdin });
      continue;
    }
    const text = host.readFile(name);
    // kubectl GETs an http(s) -f argument (k8s.io/cli-runtime pkg/resource/visitor.go URLVisitor); the session
    // serves the documents it holds under their URL (the k8s.io/examples manifests a lesson or page applies),
    // and any other URL answers as the server would for a missing document.
    if (text === undefined && /^https?:\/\//.test(name)) return { sources, error: `error: unable to read URL "${name}", server reported 404 Not Found, status code=404\n` };
    if (text === undefined) return { sources, error: `error: the path "${name}" does not exist\n` };
    sources.push({ name, text });
  }
  return { sources };
}

/** `--dry-run=client` works on a copy, as the client-side dry run never reaches the server. */
export function resolveDryRun(flags: ParsedFlags): "none" | "client" | "server" | { error: string } {
  const value = flagValue(flags, "dry-run");
  if (value === undefined || value === "none" || value === "false") return "none";
  if (value === "client" || value === "true" || value === "") return "client";
  if (value === "server") return "server";
  return { error: `error: Invalid dry-run value (${value}). Must be "none", "server", or "client".\n` };
}

/**
 * `kubectl apply|create -f`: every document in order, one line per object (`service/web created`,
 * `deployment.apps/web configured`, `… unchanged`), errors for the documents that failed on stderr — kubectl is
 * not transactional, so earlier documents stay applied (k8s.io/kubectl pkg/cmd/apply/apply.go).
 */
export function applyManifests(host: ShellHost, flags: ParsedFlags, stdin: string, mode: "apply" | "create" | "replace", namespace: string | undefined): CommandResult {
  const read = readManifestSources(host, flags, stdin);
  if (read.error) return { stdout: "", stderr: read.error, exitCode: 1 };
  const dryRun = resolveDryRun(flags);
  if (typeof dryRun === "object") return { stdout: "", stderr: dryRun.error, exitCode: 1 };
  const cluster: Cluster = dryRun === "none" ? host.cluster : host.cluster.clone();
  const suffix = dryRun === "none" ? "" : ` (${dryRun === "client" ? "dry run" : "server dry run"})`;
  let stdout = "";
  let stderr = "";
  for (const source of read.sources) {
    const result = cluster.applyText(source.text, { file: source.name, namespace, mode });
    for (const problem of result.errors) stderr += `error: ${problem.message}\n`;
    for (const document of result.documents) {
      if (document.result.ok) {
        const object = document.result.value.object;
        const kind = object.kind as Kind;
        stdout += `${isKind(kind) ? formatResourcePrefix(kind) : String(kind).toLowerCase()}/${object.metadata.name} ${document.result.value.action}${suffix}\n`;
      } else {
        // kubectl apply reports a failed request by what it attempted: creating an absent object, patching a live one.
        const ref = document.ref;
        const exists = ref && isKind(ref.kind) ? cluster.get(ref.kind, ref.name, ref.namespace ?? namespace ?? host.contextNamespace) !== undefined : false;
        const verb = mode === "replace" ? "replacing" : mode === "create" || !exists ? "creating" : "patching";
        stderr += formatStatusError(document.result.error, { verb, file: source.name });
      }
    }
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}
