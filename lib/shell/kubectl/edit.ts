import { notFoundError } from "@/lib/sim/store/status-errors";
import { formatYaml } from "./format-object-output";
import { failWith, formatStatusError, requestNamespace, type KubectlVerb } from "./kubectl-verb";
import { parseResourceArgs } from "./get";

/**
 * `kubectl edit` opens $EDITOR on the live object. The simulated terminal has no editor process: it shows the
 * YAML kubectl would open and how to change the object here (save it in the exercise editor and
 * `kubectl apply -f`, or pipe a heredoc into `kubectl apply -f -`).
 */
export const editVerb: KubectlVerb = {
  summary: "Edit a resource on the server.",
  flags: [{ long: "output", short: "o" }],
  run(flags, { session: host }) {
    const request = parseResourceArgs(flags.positionals, "edit");
    if (!request.ok) return failWith(request.message);
    const first = request.requests[0];
    const name = first.names?.[0];
    if (!name) return failWith("error: edit requires a resource name\n");
    const object = host.cluster.get(first.kind, name, requestNamespace(flags, host));
    if (!object) return failWith(formatStatusError(notFoundError(first.kind, name)));
    const header = [
      "# Please edit the object below. Lines beginning with a '#' will be ignored,",
      "# and an empty file will abort the edit. If an error occurs while saving this file will be",
      "# reopened with the relevant failures.",
      "#",
    ].join("\n");
    const hint = "Edit: this terminal has no text editor. Copy the YAML above into the exercise editor (or a heredoc: cat <<EOF | kubectl apply -f -), change it, and apply it with kubectl apply -f.\n";
    return { stdout: `${header}\n${formatYaml(object)}`, stderr: hint, exitCode: 0 };
  },
};
