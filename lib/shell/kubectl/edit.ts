import { KIND_INFO } from "@/lib/sim/objects/kinds";
import { notFoundError } from "@/lib/sim/store/status-errors";
import type { CommandResult } from "../session/command";
import type { ShellHost } from "../session/shell-host";
import { beginEdit, submitEdit, type EditFormat, type EditState } from "./edit-loop";
import { flagValue } from "./kubectl-flags";
import { failWith, formatStatusError, requestNamespace, type KubectlVerb } from "./kubectl-verb";
import { parseResourceArgs } from "./get";
import { editorArgv, isInteractiveEditor, resolveEditor, type EditorCommand } from "./resolve-editor";

/**
 * A scripted editor that keeps changing the file would make kubectl reopen it forever; the simulated terminal
 * stops after this many rounds as if the last one had been saved unchanged.
 */
const MAX_SCRIPTED_ROUNDS = 10;

/** The temp file LaunchTempFile creates: os.TempDir() + "kubectl-edit-" + five random characters + ".yaml|.json". */
export function editTempFile(host: ShellHost, format: EditFormat): string {
  return host.tempFileName("/tmp/kubectl-edit-", format === "json" ? ".json" : ".yaml");
}

/**
 * `kubectl edit TYPE NAME | TYPE/NAME [-n NS] [-o yaml|json]`: opens the live object in the editor and sends the
 * change (k8s.io/kubectl pkg/cmd/edit/edit.go, pkg/cmd/util/editor/editoptions.go). An interactive editor (vi,
 * the default) is the page's editor: the session holds the buffer until finishEdit. A command the shell can
 * run on a file ($KUBE_EDITOR="sed -i …") runs here, round after round, as kubectl would run it.
 * The page's editor opens once the whole input line has run, so in `kubectl edit svc/web && echo ok` the
 * second command does not wait for the editor as it would on a real terminal.
 */
export const editVerb: KubectlVerb = {
  summary: "Edit a resource on the server.",
  flags: [{ long: "output", short: "o" }],
  run(flags, { session: host, env }) {
    const output = flagValue(flags, "output") ?? "yaml";
    if (output !== "yaml" && output !== "json") {
      return failWith(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,yaml\n`);
    }
    const request = parseResourceArgs(flags.positionals, "edit");
    if (!request.ok) return failWith(request.message);
    const first = request.requests[0];
    const name = first.names?.[0];
    if (!name || request.requests.length > 1 || (first.names?.length ?? 0) > 1) {
      return failWith("error: this terminal's kubectl edit opens one object at a time: kubectl edit TYPE/NAME\n");
    }
    const namespace = requestNamespace(flags, host);
    const object = host.cluster.get(first.kind, name, KIND_INFO[first.kind].namespaced ? namespace : undefined);
    if (!object) return failWith(formatStatusError(notFoundError(first.kind, name)));
    const format: EditFormat = output;
    const state = beginEdit(object, { kind: first.kind, name, namespace, format }, editTempFile(host, format));
    const editor = resolveEditor(env);
    if (isInteractiveEditor(editor) && host.openEditor(state)) return { stdout: "", stderr: "", exitCode: 0 };
    return runScriptedEdit(host, editor, state);
  },
};

/** Editor.Launch's two failures: the program is not there, or it exited non-zero. */
function launchError(editor: EditorCommand, notFound: boolean): string {
  return notFound ? `unable to launch the editor "${editor.args.join(" ")}"` : `there was a problem with the editor "${editor.args.join(" ")}"`;
}

function runScriptedEdit(host: ShellHost, editor: EditorCommand, initial: EditState): CommandResult {
  let state = initial;
  let stderr = "";
  for (let round = 0; ; round++) {
    const launched = host.runEditor(editorArgv(editor, state.file), editor.shell, state.file, state.buffer);
    if (!launched.ok) {
      // preservedFile: after a failed round the previous file holds the learner's changes.
      const copy = state.rejected !== undefined ? `A copy of your changes has been stored to "${state.file}"\n` : "";
      if (state.rejected !== undefined) host.keepTempFile(state.file, state.rejected);
      return { stdout: "", stderr: `${stderr}${copy}error: ${launchError(editor, launched.notFound)}\n`, exitCode: 1 };
    }
    const edited = round >= MAX_SCRIPTED_ROUNDS && state.rejected !== undefined ? state.rejected : launched.text;
    const step = submitEdit(host.cluster, state, edited, editTempFile(host, state.target.format));
    if (step.status === "done") {
      if (step.keepFile) host.keepTempFile(step.keepFile.path, step.keepFile.text);
      return { ...step.result, stderr: stderr + step.result.stderr };
    }
    stderr += step.stderr;
    state = step.state;
  }
}
