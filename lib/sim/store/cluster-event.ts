import type { ObjectRef } from "../objects/meta";

/**
 * One event as `kubectl describe` and `kubectl get events` show it (core/v1 Event: type, reason, source
 * component, message, involved object, first/last timestamps and a count of repeats).
 */
export interface ClusterEvent {
  type: "Normal" | "Warning";
  reason: string;
  message: string;
  involvedObject: ObjectRef & { uid?: string };
  /** The reporting component: default-scheduler, kubelet, replicaset-controller, deployment-controller… */
  source: string;
  firstTimestamp: string;
  lastTimestamp: string;
  count: number;
}

/** About this many events are kept, oldest dropped first, as the API server's event TTL would. */
export const MAX_EVENTS = 5000;

/**
 * Appends an event, folding an identical repeat of the latest event for the same object into a count, as
 * client-go's event correlator does (k8s.io/client-go/tools/record/events_cache.go).
 */
export function recordEvent(log: ClusterEvent[], event: Omit<ClusterEvent, "firstTimestamp" | "lastTimestamp" | "count">, at: string): void {
  for (let i = log.length - 1; i >= Math.max(0, log.length - 20); i--) {
    const previous = log[i];
    if (
      previous.involvedObject.uid === event.involvedObject.uid &&
      previous.reason === event.reason &&
      previous.message === event.message &&
      previous.type === event.type
    ) {
      log[i] = { ...previous, lastTimestamp: at, count: previous.count + 1 };
      return;
    }
  }
  log.push({ ...event, firstTimestamp: at, lastTimestamp: at, count: 1 });
  // Trimmed in batches so a busy log does not shift the whole array on every event.
  if (log.length > MAX_EVENTS + 500) log.splice(0, log.length - MAX_EVENTS);
}
