import type { Pod } from "@/lib/sim/objects/kinds";
import type { JobStream, ShellHost } from "../session/shell-host";
import { containerStartedAt, readContainerLog } from "./read-container-log";

/** One container's log stream that `kubectl logs -f` reads: the lines already printed and the label before each. */
export interface FollowedLog {
  namespace: string;
  pod: string;
  uid: string;
  container: string;
  startedAt: string;
  /** `[pod/NAME/CONTAINER] ` with --prefix (logs.go addPrefixIfNeeded), else empty. */
  prefix: string;
  /** How many of the container's log lines exist already: the stream continues after them. */
  read: number;
}

/**
 * A running `kubectl logs -f` (k8s.io/kubectl pkg/cmd/logs/logs.go): every followed container's new lines, in
 * the order the streams are listed (several streams are copied in parallel, so a real terminal may interleave
 * them differently). A stream ends when its container stops — the pod was deleted or the container restarted —
 * and kubectl exits once every stream has ended.
 */
export class LogFollow implements JobStream {
  constructor(
    private readonly host: ShellHost,
    private readonly streams: FollowedLog[],
  ) {}

  poll(): { text: string; ended: boolean } {
    let text = "";
    for (const stream of this.streams) {
      if (stream.read < 0) continue;
      const pod = this.host.cluster.get("Pod", stream.pod, stream.namespace) as Pod | undefined;
      if (!pod || pod.metadata.uid !== stream.uid || containerStartedAt(pod, stream.container) !== stream.startedAt) {
        stream.read = -1;
        continue;
      }
      const lines = readContainerLog(this.host, pod, stream.container);
      text += lines
        .slice(stream.read)
        .map((line) => `${stream.prefix}${line}\n`)
        .join("");
      stream.read = lines.length;
    }
    return { text, ended: this.streams.every((s) => s.read < 0) };
  }
}
