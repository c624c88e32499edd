import type { ClusterEvent } from "@/lib/sim/store/cluster-event";
import { formatTable } from "../format/format-table";
import { humanDuration } from "../format/human-duration";
import type { CommandResult } from "../session/command";
import type { ShellHost } from "../session/shell-host";

export const EVENT_TYPE_NAMES: ReadonlySet<string> = new Set(["events", "event", "ev", "events.events.k8s.io"]);

/** The events of a namespace (all of them when undefined), in the order they happened. */
export function selectEvents(host: ShellHost, namespace: string | undefined): ClusterEvent[] {
  return host.cluster.events().filter((e: ClusterEvent) => namespace === undefined || (e.involvedObject.namespace ?? "default") === namespace);
}

/** The columns of an event table (printers.go printEvent), NAMESPACE first when every namespace is listed. */
export function buildEventColumns(namespace: string | undefined): { header: string[]; row(event: ClusterEvent, now: Date): string[] } {
  return {
    header: [...(namespace === undefined ? ["NAMESPACE"] : []), "LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"],
    row: (e, now) => [
      ...(namespace === undefined ? [e.involvedObject.namespace ?? ""] : []),
      humanDuration(now.getTime() - Date.parse(e.lastTimestamp)),
      e.type,
      e.reason,
      `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`,
      e.message,
    ],
  };
}

/**
 * `kubectl get events` (printers.go printEvent): LAST SEEN, TYPE, REASON, OBJECT (`pod/web-…`), MESSAGE, with
 * NAMESPACE first under -A. Events come from the simulated controllers in the order they happened.
 */
export function getEvents(host: ShellHost, namespace: string | undefined): CommandResult {
  const now = host.cluster.now();
  const events = selectEvents(host, namespace);
  if (events.length === 0) return { stdout: "", stderr: namespace === undefined ? "No resources found\n" : `No resources found in ${namespace} namespace.\n`, exitCode: 0 };
  const columns = buildEventColumns(namespace);
  return { stdout: formatTable([columns.header, ...events.map((e) => columns.row(e, now))]), stderr: "", exitCode: 0 };
}
