import type { StatusError } from "@/lib/sim/api/status-error";
import { parseManifests } from "@/lib/sim/manifest/parse-manifests";
import { KIND_INFO, isKind, qualifiedResource, type AnyObject, type Kind } from "@/lib/sim/objects/kinds";
import { isJsonObject, isSameJson, type JsonObject } from "@/lib/sim/store/object-json";
import type { Cluster } from "@/lib/sim/store/cluster";
import { formatFieldError, formatFieldErrorBody } from "@/lib/sim/validation/format-field-error";
import type { CommandResult } from "../session/command";
import { formatJson, formatYaml } from "./format-object-output";
import { formatResourcePrefix } from "./resource-types";
import { hasLines, manualStrip, stripComments } from "./strip-comments";

/**
 * `kubectl edit`'s loop (kubernetes/kubernetes staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go
 * EditOptions.Run): write the object to a temp file under a comment header, let the editor change it, and then
 * either stop (no change, empty file), send the change, or reopen the editor with the reasons it failed as
 * comments at the top. Pure: the session and the verb drive it, one editor round at a time.
 */

export type EditFormat = "yaml" | "json";

/** Which object is being edited, and how kubectl names it in its messages. */
export interface EditTarget {
  kind: Kind;
  name: string;
  /** The request's namespace (`-n`, or the context's); edited objects must keep it. */
  namespace: string;
  format: EditFormat;
}

export interface EditState {
  target: EditTarget;
  /** The buffer as first written, header included: what "no changes" is measured against. */
  original: string;
  /** The object that buffer shows, as JSON: an edit that only reorders keys changes nothing (visitToPatch "skipped"). */
  originalObject: JsonObject;
  /** What the editor is given this round. */
  buffer: string;
  /** The temp file this round's buffer is written to (`/tmp/kubectl-edit-abcde.yaml`). */
  file: string;
  /** After a failed round: what the learner saved that round (kubectl's `containsError` and `edited`). */
  rejected?: string;
}

export type EditStep =
  /** The edit is over. `keepFile` is the temp file kubectl leaves behind when it says it stored a copy. */
  | { status: "done"; result: CommandResult; keepFile?: { path: string; text: string } }
  /** The editor opens again on `state.buffer`; `stderr` is what kubectl printed before reopening it. */
  | { status: "reopen"; state: EditState; stderr: string };

interface EditReason {
  head: string;
  other: string[];
}

/** editHeader.writeTo for the normal edit mode, with the reasons the previous round failed. */
export function formatEditHeader(reasons: readonly EditReason[] = []): string {
  let header =
    "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
    "# and an empty file will abort the edit. If an error occurs while saving this file will be\n" +
    "# reopened with the relevant failures.\n" +
    "#\n";
  for (const reason of reasons) {
    header += `# ${hashOnLineBreak(reason.head)}${reason.other.length > 0 ? ":" : ""}\n`;
    for (const other of reason.other) header += `# * ${hashOnLineBreak(other)}\n`;
    header += "#\n";
  }
  return header;
}

/** editoptions.go hashOnLineBreak: a multi-line reason stays a comment on every line. */
function hashOnLineBreak(text: string): string {
  return text.replace(/\n(?=[^#])/g, "\n# ");
}

/**
 * The first buffer: the live object in the chosen format; YAML under the header, JSON without it
 * (editPrinterOptions.Complete drops the header for JSON, which has no comments). kubectl clears
 * managedFields before printing (extractManagedFields).
 */
export function beginEdit(object: AnyObject, target: EditTarget, file: string): EditState {
  const { managedFields: _managed, ...metadata } = object.metadata as AnyObject["metadata"] & { managedFields?: unknown };
  const shown = { ...object, metadata };
  const buffer = target.format === "json" ? formatJson(shown) : `${formatEditHeader()}${formatYaml(shown)}`;
  return { target, original: buffer, originalObject: JSON.parse(JSON.stringify(shown)) as JsonObject, buffer, file };
}

function preserved(file: string, text: string, message: string): EditStep {
  return {
    status: "done",
    result: { stdout: "", stderr: `A copy of your changes has been stored to "${file}"\nerror: ${message}\n`, exitCode: 1 },
    keepFile: { path: file, text },
  };
}

function reopen(state: EditState, edited: string, nextFile: string, reasons: EditReason[], stderr: string): EditStep {
  const header = state.target.format === "json" ? "" : formatEditHeader(reasons);
  return { status: "reopen", stderr, state: { ...state, buffer: `${header}${manualStrip(edited)}`, file: nextFile, rejected: edited } };
}

/**
 * One editor round: `edited` is the file as the editor left it (the buffer itself when it was closed without
 * saving). `nextFile` names the temp file a reopened editor would get. The checks run in kubectl's order.
 */
export function submitEdit(cluster: Cluster, state: EditState, edited: string, nextFile: string): EditStep {
  const { target } = state;
  if (state.rejected !== undefined && stripComments(state.rejected) === stripComments(edited)) {
    return preserved(state.file, edited, "Edit cancelled, no valid changes were saved.");
  }
  if (stripComments(state.original) === stripComments(edited)) {
    return { status: "done", result: { stdout: "", stderr: "Edit cancelled, no changes made.\n", exitCode: 0 } };
  }
  if (!hasLines(edited)) {
    return { status: "done", result: { stdout: "", stderr: "Edit cancelled, saved file was empty.\n", exitCode: 0 } };
  }

  // The edited file is read as a stream named "edited-file" (cli-runtime resource.Builder.Stream); any error
  // reading it or mapping its kind is "a syntax error" and reopens the editor without a word on stderr.
  const parsed = parseManifests(edited, { file: "edited-file" });
  const syntax = parsed.errors[0]?.message ?? unrecognized(parsed.documents[0]?.object);
  if (syntax) return reopen(state, edited, nextFile, [{ head: `The edited file had a syntax error: ${syntax}`, other: [] }], "");
  const document = parsed.documents[0];
  if (!document) return { status: "done", result: { stdout: "", stderr: "", exitCode: 0 } };
  const object = document.object as JsonObject;
  const meta = isJsonObject(object.metadata) ? object.metadata : {};

  // resource.RequireNamespace(o.CmdNamespace): a namespaced object may not move (cli-runtime pkg/resource/visitor.go).
  const namespace = typeof meta.namespace === "string" && meta.namespace !== "" ? meta.namespace : undefined;
  if (KIND_INFO[target.kind].namespaced && namespace !== undefined && namespace !== target.namespace) {
    return preserved(state.file, edited, `the namespace from the provided object "${namespace}" does not match the namespace "${target.namespace}". You must pass '--namespace=${namespace}' to perform this operation.`);
  }
  // visitToPatch's preconditions: RequireKeyUnchanged("apiVersion"), ("kind"), RequireMetadataKeyUnchanged("name").
  const live = cluster.get(target.kind, target.name, KIND_INFO[target.kind].namespaced ? target.namespace : undefined);
  if (object.kind !== target.kind || object.apiVersion !== KIND_INFO[target.kind].apiVersion || meta.name !== target.name) {
    return preserved(state.file, edited, "At least one of apiVersion, kind and name was changed");
  }
  if (isSameJson(state.originalObject, object)) {
    return { status: "done", result: { stdout: `${formatResourcePrefix(target.kind)}/${target.name} skipped\n`, stderr: "", exitCode: 0 } };
  }

  // editResults.addError names the resource by its mapping: `services "web"`, `deployments.apps "web"`.
  const label = `${qualifiedResource(target.kind)} "${target.name}"`;
  if (!live) {
    return {
      status: "done",
      result: { stdout: "", stderr: `error: ${label} could not be found on the server\nThe edits you made on deleted resources have been saved to "${state.file}"\n`, exitCode: 1 },
      keepFile: { path: state.file, text: edited },
    };
  }
  const written = cluster.replace(object, { namespace: KIND_INFO[target.kind].namespaced ? target.namespace : undefined, source: document.source });
  if (written.ok) return { status: "done", result: { stdout: `${formatResourcePrefix(target.kind)}/${target.name} edited\n`, stderr: "", exitCode: 0 } };
  return rejectedByServer(state, edited, nextFile, label, written.error);
}

/** editResults.addError: an invalid object reopens the editor with each cause; anything else ends the edit. */
function rejectedByServer(state: EditState, edited: string, nextFile: string, label: string, error: StatusError): EditStep {
  if (error.reason === "Invalid") {
    const other = (error.causes ?? []).map((cause) => (cause.message !== undefined ? formatFieldError(cause) : `${cause.field}: ${formatFieldErrorBody(cause)}`));
    return reopen(state, edited, nextFile, [{ head: `${label} was not valid`, other }], `error: ${label} is invalid\n`);
  }
  if (error.reason === "NotFound") {
    return {
      status: "done",
      result: { stdout: "", stderr: `error: ${label} could not be found on the server\nThe edits you made on deleted resources have been saved to "${state.file}"\n`, exitCode: 1 },
      keepFile: { path: state.file, text: edited },
    };
  }
  return {
    status: "done",
    result: { stdout: "", stderr: `error: ${label} could not be patched: ${error.message}\nYou can run \`kubectl replace -f ${state.file}\` to try this update again.\n`, exitCode: 1 },
    keepFile: { path: state.file, text: edited },
  };
}

/**
 * The RESTMapper's answer for a kind or version the API does not serve (cli-runtime pkg/resource/mapper.go
 * infoForData: `unable to recognize "edited-file": no matches for kind "Servic" in version "v1"`).
 */
function unrecognized(object: unknown): string | undefined {
  if (!isJsonObject(object)) return undefined;
  const kind = typeof object.kind === "string" ? object.kind : "";
  const apiVersion = typeof object.apiVersion === "string" ? object.apiVersion : "";
  if (isKind(kind) && KIND_INFO[kind].apiVersion === apiVersion) return undefined;
  if (kind === "" || apiVersion === "") return undefined;
  return `unable to recognize "edited-file": no matches for kind "${kind}" in version "${apiVersion}"`;
}
