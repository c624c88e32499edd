import { KIND_INFO, KINDS } from "@/lib/sim/objects/kinds";
import { formatTable } from "../format/format-table";
import type { KubectlVerb } from "./kubectl-verb";

/**
 * `kubectl api-resources` for the resources this cluster serves (k8s.io/kubectl pkg/cmd/apiresources): NAME,
 * SHORTNAMES, APIVERSION, NAMESPACED, KIND; the core group first, then the named groups, each by name.
 */
export const apiResourcesVerb: KubectlVerb = {
  summary: "Print the supported API resources on the server.",
  flags: [{ long: "namespaced" }, { long: "output", short: "o" }, { long: "api-group" }],
  run(flags, { session: host }) {
    const group = flags.values.get("api-group")?.[0];
    const rows = [...KINDS.map((k) => KIND_INFO[k]), { resource: "events", shortNames: ["ev"], apiVersion: "v1", namespaced: true, kind: "Event", group: "" }]
      .filter((info) => info.group !== "cert-manager.io" || host.cluster.hasAddon("cert-manager"))
      .filter((info) => group === undefined || info.group === group)
      .sort((a, b) => (a.group === b.group ? a.resource.localeCompare(b.resource) : a.group === "" ? -1 : b.group === "" ? 1 : a.group.localeCompare(b.group)));
    if (flags.values.get("output")?.[0] === "name") return { stdout: rows.map((r) => `${r.resource}${r.group ? `.${r.group}` : ""}\n`).join(""), stderr: "", exitCode: 0 };
    const table = [["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"], ...rows.map((r) => [r.resource, r.shortNames.join(","), r.apiVersion, String(r.namespaced), r.kind])];
    return { stdout: formatTable(table), stderr: "", exitCode: 0 };
  },
};
