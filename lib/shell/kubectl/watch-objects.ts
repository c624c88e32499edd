import { KIND_INFO, type AnyObject, type Kind, type Pod } from "@/lib/sim/objects/kinds";
import type { Cluster } from "@/lib/sim/store/cluster";
import { notFoundError } from "@/lib/sim/store/status-errors";
import type { CommandResult } from "../session/command";
import type { JobStream, ShellHost } from "../session/shell-host";
import { formatStatusError } from "./kubectl-verb";
import { matchLabelRequirements, type LabelRequirement } from "./parse-label-selector";
import { WatchPrinter, type WatchEvent } from "./watch-printer";

/** What a watch lists and then follows: one kind, in a namespace or all of them, by name or label selector. */
export interface WatchTarget {
  kind: Kind;
  /** undefined: every namespace (`-A`), or a cluster-scoped kind. */
  namespace: string | undefined;
  /** Named objects: kubectl watches them with the field selector metadata.name=NAME. */
  names?: readonly string[];
  selector: readonly LabelRequirement[];
}

function selectWatched(cluster: Cluster, target: WatchTarget): readonly AnyObject[] {
  const namespace = KIND_INFO[target.kind].namespaced ? target.namespace : undefined;
  return cluster.list(target.kind, namespace).filter((o) => (!target.names || target.names.includes(o.metadata.name)) && matchLabelRequirements(target.selector, o.metadata.labels));
}

/**
 * The object a DELETED event carries for a pod that is gone: the kubelet stopped its containers and made the
 * final delete with a grace period of 0 (pkg/kubelet/status/status_manager.go: metav1.NewDeleteOptions(0)), so
 * it has a deletionTimestamp and no ready container, and kubectl prints it `0/1 Terminating`. Other kinds are
 * deleted as they were last stored.
 */
function formatDeletedState(object: AnyObject, now: string): AnyObject {
  if (object.kind !== "Pod") return object;
  const pod = object as Pod;
  const conditions = pod.status?.conditions?.map((c) => (c.type === "Ready" || c.type === "ContainersReady" ? { ...c, status: "False", lastTransitionTime: now } : c));
  const containerStatuses = pod.status?.containerStatuses?.map((s) => ({
    ...s,
    ready: false,
    started: false,
    state: { terminated: { exitCode: 0, reason: "Completed", startedAt: s.state?.running?.startedAt, finishedAt: now, containerID: s.containerID } },
  }));
  return {
    ...pod,
    metadata: { ...pod.metadata, deletionTimestamp: now, deletionGracePeriodSeconds: 0 },
    status: { ...pod.status, ...(conditions ? { conditions } : {}), ...(containerStatuses ? { containerStatuses } : {}) },
  } as AnyObject;
}

/**
 * The events between two looks at the watched objects, keyed by uid: gone ones DELETED (first: a delete is what
 * makes controllers create replacements), then new ones ADDED and changed ones MODIFIED in resourceVersion order,
 * the order the API server wrote them. An object that stops matching the selector is DELETED as it was last
 * seen (k8s.io/apiserver pkg/storage/cacher/cache_watcher.go convertToWatchEvent: the previous object).
 */
function diffWatched(previous: ReadonlyMap<string, AnyObject>, current: readonly AnyObject[], cluster: Cluster): WatchEvent[] {
  const currentUids = new Set(current.map((o) => o.metadata.uid));
  const now = cluster.now().toISOString().replace(/\.\d{3}Z$/, "Z");
  const deleted: WatchEvent[] = [];
  for (const [uid, object] of previous) {
    if (currentUids.has(uid)) continue;
    const stillStored = cluster.get(object.kind as Kind, object.metadata.name, object.metadata.namespace)?.metadata.uid === uid;
    deleted.push({ type: "DELETED", object: stillStored ? object : formatDeletedState(object, now) });
  }
  const changed: WatchEvent[] = [];
  for (const object of current) {
    const before = previous.get(object.metadata.uid);
    if (!before) changed.push({ type: "ADDED", object });
    else if (before.metadata.resourceVersion !== object.metadata.resourceVersion) changed.push({ type: "MODIFIED", object });
  }
  changed.sort((a, b) => Number(a.object.metadata.resourceVersion) - Number(b.object.metadata.resourceVersion));
  return [...deleted, ...changed];
}

/**
 * A running `kubectl get --watch`: after every command it compares the watched objects with what it last saw
 * (nothing to do while the store's resourceVersion has not moved) and prints one row per event with the
 * object's state, each flushed on its own as kubectl's watch loop does.
 */
export class ObjectWatch implements JobStream {
  private seen = new Map<string, AnyObject>();
  private resourceVersion: string;

  constructor(
    private readonly cluster: Cluster,
    private readonly target: WatchTarget,
    private readonly printer: WatchPrinter,
    initial: readonly AnyObject[],
  ) {
    for (const object of initial) this.seen.set(object.metadata.uid, object);
    this.resourceVersion = cluster.resourceVersion;
  }

  poll(): { text: string; ended: boolean } {
    if (this.cluster.resourceVersion === this.resourceVersion) return { text: "", ended: false };
    this.resourceVersion = this.cluster.resourceVersion;
    const current = selectWatched(this.cluster, this.target);
    const events = diffWatched(this.seen, current, this.cluster);
    this.seen = new Map(current.map((o) => [o.metadata.uid, o]));
    const context = { now: this.cluster.now(), state: this.cluster };
    let text = "";
    for (const event of events) {
      const printed = this.printer.print([event], context);
      text += printed.text;
      // A printer error ends kubectl's watch loop (watchtools.UntilWithoutRetry returns it) and kubectl exits.
      if (printed.error) return { text, ended: true };
    }
    return { text, ended: false };
  }
}

export interface WatchRequest {
  target: WatchTarget;
  printer: WatchPrinter;
  /** `--watch-only`: no initial list. */
  watchOnly: boolean;
  commandText: string;
  background: boolean;
}

/**
 * `kubectl get --watch` / `--watch-only` (k8s.io/kubectl pkg/cmd/get/get.go watch): lists the objects once
 * (unless --watch-only), then keeps printing changes until interrupted. An empty list prints nothing, not "No
 * resources found": that message belongs to the plain get. Named objects that do not exist fail as a get does.
 */
export function watchObjects(host: ShellHost, request: WatchRequest): CommandResult {
  const { target, printer } = request;
  const cluster = host.cluster;
  const initial = selectWatched(cluster, target);
  let stderr = "";
  for (const name of target.names ?? []) {
    if (!initial.some((o) => o.metadata.name === name)) stderr += formatStatusError(notFoundError(target.kind, name));
  }
  if (stderr) return { stdout: "", stderr, exitCode: 1 };
  const printed = request.watchOnly ? { text: "" } : printer.print(initial.map((object) => ({ type: "ADDED" as const, object })), { now: cluster.now(), state: cluster });
  if ("error" in printed && printed.error) return { stdout: printed.text, stderr: `${printed.error}\n`, exitCode: 1 };
  if ((target.names?.length ?? 0) > 1) {
    // k8s.io/cli-runtime pkg/resource/result.go Watch: several named objects are not one watchable collection.
    return { stdout: printed.text, stderr: `error: watch is only supported on individual resources and resource collections - ${target.names?.length} resources were found\n`, exitCode: 1 };
  }
  const job = host.startStream(new ObjectWatch(cluster, target, printer, initial), request.commandText, request.background);
  return { stdout: printed.text, stderr: request.background ? `[${job.id}] ${job.pid}\n` : "", exitCode: 0 };
}
