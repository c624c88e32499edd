import { KIND_INFO, type AnyObject, type Kind, type Pod } from "@/lib/sim/objects/kinds";
import type { StoredChange } from "@/lib/sim/store/change-log";
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

function isWatched(object: AnyObject, target: WatchTarget): boolean {
  if (object.kind !== target.kind) return false;
  if (KIND_INFO[target.kind].namespaced && target.namespace !== undefined && object.metadata.namespace !== target.namespace) return false;
  return (!target.names || target.names.includes(object.metadata.name)) && matchLabelRequirements(target.selector, object.metadata.labels);
}

function selectWatched(cluster: Cluster, target: WatchTarget): readonly AnyObject[] {
  const namespace = KIND_INFO[target.kind].namespaced ? target.namespace : undefined;
  return cluster.list(target.kind, namespace).filter((o) => isWatched(o, target));
}

/**
 * The object a DELETED event carries for a pod that is gone: the kubelet stopped its containers and made the
 * final delete with a grace period of 0 (pkg/kubelet/status/status_manager.go: metav1.NewDeleteOptions(0)), so
 * it has a deletionTimestamp and no ready container, and kubectl prints it `0/1 Terminating`. Other kinds are
 * deleted as they were last stored.
 */
function buildDeletedState(object: AnyObject, now: string): AnyObject {
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
 * The events a watch receives for the stored changes since it last looked, in the order the API server wrote
 * them. A filtered watch sees an object that starts matching as ADDED and one that stops matching as DELETED
 * with its previous state (k8s.io/apiserver pkg/storage/cacher/cache_watcher.go convertToWatchEvent).
 */
function eventsFromChanges(seen: Map<string, AnyObject>, changes: readonly StoredChange[], target: WatchTarget, now: string): WatchEvent[] {
  const events: WatchEvent[] = [];
  for (const change of changes) {
    if (change.object.kind !== target.kind) continue;
    const uid = change.object.metadata.uid;
    const previous = seen.get(uid);
    if (change.type === "DELETED") {
      if (previous) events.push({ type: "DELETED", object: buildDeletedState(change.object, now) });
      seen.delete(uid);
    } else if (isWatched(change.object, target)) {
      events.push({ type: previous ? "MODIFIED" : "ADDED", object: change.object });
      seen.set(uid, change.object);
    } else if (previous) {
      events.push({ type: "DELETED", object: previous });
      seen.delete(uid);
    }
  }
  return events;
}

/**
 * When the changes are older than the cluster keeps, kubectl's watch would have been told to start over: the
 * watched objects are compared with what was last seen instead, keyed by uid — gone ones DELETED, then new
 * ones ADDED and changed ones MODIFIED in resourceVersion order — so only each object's latest state shows.
 */
function eventsFromRelist(seen: Map<string, AnyObject>, current: readonly AnyObject[], cluster: Cluster, now: string): WatchEvent[] {
  const currentUids = new Set(current.map((o) => o.metadata.uid));
  const deleted: WatchEvent[] = [];
  for (const [uid, object] of seen) {
    if (currentUids.has(uid)) continue;
    const stillStored = cluster.get(object.kind as Kind, object.metadata.name, object.metadata.namespace)?.metadata.uid === uid;
    deleted.push({ type: "DELETED", object: stillStored ? object : buildDeletedState(object, now) });
  }
  const changed: WatchEvent[] = [];
  for (const object of current) {
    const before = seen.get(object.metadata.uid);
    if (!before) changed.push({ type: "ADDED", object });
    else if (before.metadata.resourceVersion !== object.metadata.resourceVersion) changed.push({ type: "MODIFIED", object });
  }
  changed.sort((a, b) => Number(a.object.metadata.resourceVersion) - Number(b.object.metadata.resourceVersion));
  seen.clear();
  for (const object of current) seen.set(object.metadata.uid, object);
  return [...deleted, ...changed];
}

/**
 * A running `kubectl get --watch`: after every command it takes the stored changes since the resourceVersion
 * it last saw (nothing to do while that has not moved) and prints one row per event with the object's state
 * then, each flushed on its own as kubectl's watch loop does. A new pod thus shows as Pending, Pending once
 * scheduled, then Running, as the scheduler and the kubelet write it.
 */
export class ObjectWatch implements JobStream {
  private readonly seen = new Map<string, AnyObject>();
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
    const changes = this.cluster.changesSince(this.resourceVersion);
    this.resourceVersion = this.cluster.resourceVersion;
    const now = this.cluster.now().toISOString().replace(/\.\d{3}Z$/, "Z");
    const events = changes ? eventsFromChanges(this.seen, changes, this.target, now) : eventsFromRelist(this.seen, selectWatched(this.cluster, this.target), this.cluster, now);
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
