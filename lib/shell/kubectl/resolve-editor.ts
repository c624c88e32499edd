/**
 * Which editor `kubectl edit` starts, as k8s.io/kubectl pkg/cmd/util/editor/editor.go decides it: the first
 * non-empty of $KUBE_EDITOR and $EDITOR, else `vi`. A value without spaces is a program; one with spaces but no
 * quotes or backslashes is split on spaces; anything else is handed to `$SHELL -c` with the file name appended
 * in double quotes (Go's %q).
 */
export interface EditorCommand {
  /** Editor.Args: what kubectl runs before the file name, and names in its error messages. */
  args: string[];
  /** Whether args is `$SHELL -c "<editor>"`, so the file is appended inside the script. */
  shell: boolean;
}

export function resolveEditor(env: Readonly<Record<string, string>>): EditorCommand {
  const editor = [env.KUBE_EDITOR, env.EDITOR].find((value) => value !== undefined && value.length > 0) ?? "vi";
  if (!editor.includes(" ")) return { args: [editor], shell: false };
  if (!/["'\\]/.test(editor)) return { args: editor.split(" "), shell: false };
  return { args: [env.SHELL || "/bin/bash", "-c", editor], shell: true };
}

/** Editor.args(path): the command line with the temp file's path added. */
export function editorArgv(command: EditorCommand, path: string): string[] {
  if (!command.shell) return [...command.args, path];
  const args = [...command.args];
  args[args.length - 1] = `${args[args.length - 1]} ${JSON.stringify(path)}`;
  return args;
}

/**
 * Editors that take over the terminal. The simulated workstation has none of them; where the page can show
 * its own editor, that editor stands in for them.
 */
const INTERACTIVE_EDITORS: ReadonlySet<string> = new Set([
  "vi", "vim", "nvim", "view", "vim.basic", "vim.tiny", "nano", "pico", "emacs", "emacsclient", "micro", "hx", "helix",
  "joe", "jed", "mcedit", "ne", "kak", "code", "code-insiders", "codium", "subl", "gedit", "kate", "mate", "notepad",
]);

export function isInteractiveEditor(command: EditorCommand): boolean {
  const program = command.shell ? (command.args[2] ?? "").trim().split(/\s+/)[0] : command.args[0];
  return INTERACTIVE_EDITORS.has(program.replace(/^.*\//, ""));
}
