import type { ClusterEvent } from "@/lib/sim/store/cluster-event";
import { humanDuration } from "../format/human-duration";
import { formatTabwriter } from "./format-tabwriter";

/**
 * kubectl describe's PrefixWriter: lines written at an indentation level (two spaces per level), collected and
 * aligned by a tabwriter that is flushed where describe.go flushes it (before the events table).
 */
export class DescribeWriter {
  private readonly segments: string[] = [];
  private current = "";

  write(level: number, text: string): void {
    this.current += "  ".repeat(level) + text;
  }

  flush(): void {
    this.segments.push(formatTabwriter(this.current));
    this.current = "";
  }

  toString(): string {
    return this.segments.join("") + formatTabwriter(this.current);
  }
}

/** describe.go printLabelsMultiline / printAnnotationsMultiline: sorted, one per line, `<none>` when empty. */
export function writeMap(w: DescribeWriter, title: string, map: Readonly<Record<string, string>> | undefined, skip: readonly string[] = []): void {
  const entries = Object.entries(map ?? {})
    .filter(([k]) => !skip.includes(k))
    .sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) {
    w.write(0, `${title}:\t<none>\n`);
    return;
  }
  entries.forEach(([k, v], i) => {
    const annotations = title.trim() === "Annotations";
    const separator = annotations ? ": " : "=";
    const value = annotations && v.length > 140 ? `${v.slice(0, 137)}...` : v;
    w.write(0, `${i === 0 ? `${title}:` : ""}\t${k}${separator}${value.replace(/\n$/, "")}\n`);
  });
}

export const writeLabels = (w: DescribeWriter, labels: Readonly<Record<string, string>> | undefined) => writeMap(w, "Labels", labels);

/** kubectl hides the last-applied annotation in describe (describe.go skipAnnotations). */
export const writeAnnotations = (w: DescribeWriter, annotations: Readonly<Record<string, string>> | undefined) => writeMap(w, "Annotations", annotations, ["kubectl.kubernetes.io/last-applied-configuration"]);

/** describe.go DescribeEvents: `<none>`, or a flushed table of type, reason, age (`3m (x5 over 10m)`), source, message. */
export function writeEvents(w: DescribeWriter, events: readonly ClusterEvent[], now: Date): void {
  if (events.length === 0) {
    w.write(0, "Events:\t<none>\n");
    return;
  }
  w.flush();
  w.write(0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
  w.write(1, "----\t------\t----\t----\t-------\n");
  const since = (t: string) => humanDuration(now.getTime() - Date.parse(t));
  for (const e of events) {
    const interval = e.count > 1 ? `${since(e.lastTimestamp)} (x${e.count} over ${since(e.firstTimestamp)})` : since(e.firstTimestamp);
    w.write(1, `${e.type}\t${e.reason}\t${interval}\t${e.source}\t${e.message.trim()}\n`);
  }
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Go's time.RFC1123Z, the layout describe uses for timestamps: `Thu, 01 May 2025 09:00:00 +0000`. */
export function formatRfc1123(iso: string | undefined): string {
  if (!iso) return "<unset>";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** metav1.Time's String(): `2025-05-01 09:10:00 +0000 UTC`. */
export function formatGoTime(iso: string): string {
  return `${iso.replace("T", " ").replace(/(\.\d+)?Z$/, "")} +0000 UTC`;
}
