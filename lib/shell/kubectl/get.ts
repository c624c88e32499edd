import { KIND_INFO, type AnyObject, type Kind } from "@/lib/sim/objects/kinds";
import { notFoundError } from "@/lib/sim/store/status-errors";
import { formatTable } from "../format/format-table";
import { flagBoolean, flagValue, type ParsedFlags } from "./kubectl-flags";
import { failWith, formatStatusError, requestNamespace, type KubectlVerb } from "./kubectl-verb";
import { formatObjects, parseOutputFormat } from "./format-object-output";
import { matchLabelRequirements, parseLabelSelector, type LabelRequirement } from "./parse-label-selector";
import { ALL_CATEGORY, resolveResourceType } from "./resource-types";
import { buildTableColumns } from "./build-table-columns";
import type { ShellHost } from "../session/shell-host";
import { EVENT_TYPE_NAMES, getEvents } from "./get-events";
import { watchEvents } from "./watch-events";
import { watchObjects } from "./watch-objects";
import { WatchPrinter } from "./watch-printer";

/** What `kubectl get` was asked for: kinds (all of their objects) or named objects of a kind. */
interface ResourceRequest {
  kind: Kind;
  names?: string[];
}

export type RequestParse = { ok: true; requests: ResourceRequest[]; byName: boolean } | { ok: false; message: string };

/**
 * Reads `pods`, `svc,pods`, `pod web-1 web-2`, `svc/web pod/web-1` and `all` the way kubectl's resource
 * builder does (k8s.io/cli-runtime pkg/resource/builder.go ResourceTypeOrNameArgs).
 */
export function parseResourceArgs(args: readonly string[], verb: string): RequestParse {
  if (args.length === 0) {
    return {
      ok: false,
      message: `You must specify the type of resource to ${verb}. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl ${verb} -h' for help and examples\n`,
    };
  }
  if (args.some((a) => a.includes("/"))) {
    const requests: ResourceRequest[] = [];
    for (const arg of args) {
      const slash = arg.indexOf("/");
      if (slash < 0) return { ok: false, message: `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl ${verb} resource/<resource_name>' instead of 'kubectl ${verb} resource resource/<resource_name>'\n` };
      const kind = resolveResourceType(arg.slice(0, slash));
      if (!kind) return { ok: false, message: `error: the server doesn't have a resource type "${arg.slice(0, slash)}"\n` };
      requests.push({ kind, names: [arg.slice(slash + 1)] });
    }
    return { ok: true, requests, byName: true };
  }
  const kinds: Kind[] = [];
  for (const type of args[0].split(",").filter(Boolean)) {
    if (type.toLowerCase() === "all") {
      kinds.push(...ALL_CATEGORY);
      continue;
    }
    const kind = resolveResourceType(type);
    if (!kind) return { ok: false, message: `error: the server doesn't have a resource type "${type}"\n` };
    kinds.push(kind);
  }
  const names = args.slice(1);
  if (names.length > 0 && kinds.length > 1) return { ok: false, message: `error: arguments in resource/name form must have a single resource and name\n` };
  return { ok: true, requests: kinds.map((kind) => ({ kind, names: names.length > 0 ? names : undefined })), byName: names.length > 0 };
}

interface Selection {
  objects: AnyObject[];
  errors: string;
}

export function selectObjects(host: ShellHost, requests: readonly ResourceRequest[], namespace: string | undefined, selector: readonly LabelRequirement[]): Selection {
  const objects: AnyObject[] = [];
  let errors = "";
  for (const request of requests) {
    const ns = KIND_INFO[request.kind].namespaced ? namespace : undefined;
    if (request.names) {
      for (const name of request.names) {
        const object = host.cluster.get(request.kind, name, ns ?? host.contextNamespace);
        if (object) objects.push(object);
        else errors += formatStatusError(notFoundError(request.kind, name));
      }
      continue;
    }
    const listed = host.cluster.list(request.kind, ns);
    objects.push(...listed.filter((o) => matchLabelRequirements(selector, o.metadata.labels)));
  }
  return { objects, errors };
}

/**
 * Human-readable output: one table per kind in request order, separated by a blank line; names carry their
 * resource prefix when several kinds are printed; -A adds NAMESPACE, --show-labels adds LABELS
 * (k8s.io/kubectl pkg/cmd/get/get.go and humanreadable_flags.go).
 */
function formatTables(host: ShellHost, objects: readonly AnyObject[], flags: ParsedFlags, wide: boolean): string {
  const kinds = [...new Set(objects.map((o) => o.kind as Kind))];
  const options = { wide, allNamespaces: flagBoolean(flags, "all-namespaces"), showLabels: flagBoolean(flags, "show-labels"), withKind: kinds.length > 1 };
  const context = { now: host.cluster.now(), state: host.cluster };
  return kinds
    .map((kind) => {
      const columns = buildTableColumns(kind, options);
      return formatTable([columns.header, ...objects.filter((o) => o.kind === kind).map((o) => columns.row(o, context))]);
    })
    .join("\n");
}

export const getVerb: KubectlVerb = {
  summary: "Display one or many resources.",
  flags: [
    { long: "output", short: "o" },
    { long: "template" },
    { long: "selector", short: "l" },
    { long: "all-namespaces", short: "A", boolean: true },
    { long: "show-labels", boolean: true },
    { long: "watch", short: "w", boolean: true },
    { long: "watch-only", boolean: true },
    { long: "output-watch-events", boolean: true },
    { long: "no-headers", boolean: true },
    { long: "field-selector" },
    { long: "ignore-not-found", boolean: true },
  ],
  run(flags, context) {
    const host = context.session;
    const format = parseOutputFormat(flagValue(flags, "output"), flagValue(flags, "template"));
    if ("error" in format) return failWith(`${format.error}\n`);
    const parsedSelector = parseLabelSelector(flagValue(flags, "selector") ?? "");
    if (!parsedSelector.ok) return failWith(`${parsedSelector.message}\n`);
    const watch = flagBoolean(flags, "watch") || flagBoolean(flags, "watch-only");
    // k8s.io/kubectl pkg/cmd/get/get.go Validate.
    if (flagBoolean(flags, "output-watch-events") && !watch) return failWith("error: --output-watch-events option can only be used with --watch or --watch-only\n");
    if (flags.positionals.length === 1 && EVENT_TYPE_NAMES.has(flags.positionals[0].toLowerCase())) {
      const eventNamespace = flagBoolean(flags, "all-namespaces") ? undefined : requestNamespace(flags, host);
      if (!watch) return getEvents(host, eventNamespace);
      return watchEvents(host, eventNamespace, {
        watchOnly: flagBoolean(flags, "watch-only"),
        outputWatchEvents: flagBoolean(flags, "output-watch-events"),
        noHeaders: flagBoolean(flags, "no-headers"),
        commandText: context.argv.join(" "),
        background: context.background === true,
      });
    }
    const request = parseResourceArgs(flags.positionals, "get");
    if (!request.ok) return failWith(request.message);
    const allNamespaces = flagBoolean(flags, "all-namespaces");
    const namespace = allNamespaces ? undefined : requestNamespace(flags, host);
    if (watch) {
      // The watch's builder takes SingleResourceType (get.go watch; cli-runtime pkg/resource/builder.go ErrMultipleResourceTypes).
      if (new Set(request.requests.map((r) => r.kind)).size > 1) return failWith("error: you may only specify a single resource type\n");
      const kind = request.requests[0].kind;
      const names = request.byName ? request.requests.flatMap((r) => r.names ?? []) : undefined;
      const printer = new WatchPrinter(kind, {
        format,
        wide: format.kind === "table" && format.wide,
        allNamespaces,
        showLabels: flagBoolean(flags, "show-labels"),
        withKind: false,
        outputWatchEvents: flagBoolean(flags, "output-watch-events"),
        noHeaders: flagBoolean(flags, "no-headers"),
      });
      return watchObjects(host, {
        target: { kind, namespace, names, selector: parsedSelector.requirements },
        printer,
        watchOnly: flagBoolean(flags, "watch-only"),
        commandText: context.argv.join(" "),
        background: context.background === true,
      });
    }
    const selection = selectObjects(host, request.requests, namespace, parsedSelector.requirements);
    const objects = selection.objects;
    // --ignore-not-found drops the NotFound errors of named objects (get.go Run: r.IgnoreErrors(apierrors.IsNotFound)).
    const ignoreNotFound = flagBoolean(flags, "ignore-not-found");
    const errors = ignoreNotFound ? "" : selection.errors;
    const exitCode = errors ? 1 : 0;
    if (format.kind !== "table") {
      const singleItemImplied = request.byName && request.requests.length === 1 && (request.requests[0].names?.length ?? 0) === 1;
      // get.go printGeneric: a single named object that is not found is only the error, never an empty List
      // (test/cmd/get.sh: `kubectl get pods abc -o json` has 'pods "abc" not found' and not 'List'); with
      // --ignore-not-found and nothing found, nothing at all is printed.
      if (singleItemImplied && errors) return failWith(errors);
      if (ignoreNotFound && objects.length === 0) return { stdout: "", stderr: "", exitCode: 0 };
      const printed = formatObjects(objects, format, singleItemImplied, flagBoolean(flags, "no-headers"));
      return { stdout: printed.stdout, stderr: errors + (printed.error ? `${printed.error}\n` : ""), exitCode: printed.error ? 1 : exitCode };
    }
    if (objects.length === 0) {
      if (errors) return failWith(errors);
      // get.go Run: nothing written, no errors and NotFound not ignored is what prints "No resources found".
      if (ignoreNotFound) return { stdout: "", stderr: "", exitCode: 0 };
      const clusterScoped = request.requests.every((r) => !KIND_INFO[r.kind].namespaced);
      return { stdout: "", stderr: allNamespaces || clusterScoped ? "No resources found\n" : `No resources found in ${namespace} namespace.\n`, exitCode: 0 };
    }
    let table = formatTables(host, objects, flags, format.wide);
    if (flagBoolean(flags, "no-headers")) table = table.split("\n").filter((_l, i, lines) => i !== 0 && !(i > 0 && lines[i - 1] === "")).join("\n");
    return { stdout: table, stderr: errors, exitCode };
  },
};
