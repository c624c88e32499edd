import type { ClusterEvent } from "@/lib/sim/store/cluster-event";
import type { CommandResult } from "../session/command";
import type { JobStream, ShellHost } from "../session/shell-host";
import { buildEventColumns, selectEvents } from "./get-events";
import { WatchTable } from "./watch-printer";

/**
 * One Event object across its updates: client-go's correlator records a repeat as a count bump on the same
 * Event (k8s.io/client-go/tools/record/events_cache.go), which a watch sees as MODIFIED.
 */
function eventKey(event: ClusterEvent): string {
  return `${event.involvedObject.uid ?? ""}|${event.type}|${event.reason}|${event.message}|${event.firstTimestamp}`;
}

/**
 * A running `kubectl get events --watch`: after every command, the events recorded or repeated since it last
 * looked, one row each with LAST SEEN as of now. The simulator's event log replaces an entry when it counts a
 * repeat, so an entry not seen before is either a new Event (ADDED) or a new count of a known one (MODIFIED).
 */
class EventWatch implements JobStream {
  private seen: Set<ClusterEvent>;
  private readonly keys: Set<string>;

  constructor(
    private readonly host: ShellHost,
    private readonly namespace: string | undefined,
    private readonly table: WatchTable,
    initial: readonly ClusterEvent[],
  ) {
    this.seen = new Set(initial);
    this.keys = new Set(initial.map(eventKey));
  }

  poll(): { text: string; ended: boolean } {
    const events = selectEvents(this.host, this.namespace);
    const columns = buildEventColumns(this.namespace);
    const now = this.host.cluster.now();
    let text = "";
    for (const event of events) {
      if (this.seen.has(event)) continue;
      const key = eventKey(event);
      text += this.table.print([{ type: this.keys.has(key) ? "MODIFIED" : "ADDED", cells: columns.row(event, now) }]);
      this.keys.add(key);
    }
    this.seen = new Set(events);
    return { text, ended: false };
  }
}

export interface EventWatchOptions {
  watchOnly: boolean;
  outputWatchEvents: boolean;
  noHeaders: boolean;
  commandText: string;
  background: boolean;
}

/**
 * `kubectl get events --watch` (k8s.io/kubectl pkg/cmd/get/get.go watch, with the event columns of
 * printers.go printEvent): the events so far unless --watch-only, then every new one as it is recorded.
 */
export function watchEvents(host: ShellHost, namespace: string | undefined, options: EventWatchOptions): CommandResult {
  const initial = selectEvents(host, namespace);
  const columns = buildEventColumns(namespace);
  const table = new WatchTable(columns.header, options);
  const now = host.cluster.now();
  const stdout = options.watchOnly ? "" : table.print(initial.map((event) => ({ type: "ADDED" as const, cells: columns.row(event, now) })));
  const job = host.startStream(new EventWatch(host, namespace, table, initial), options.commandText, options.background);
  return { stdout, stderr: options.background ? `[${job.id}] ${job.pid}\n` : "", exitCode: 0 };
}
