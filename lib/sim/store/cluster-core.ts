import { CNI_PROFILES, type CniProfile } from "../cni/cni-profile";
import type { ClusterConfig } from "../config";
import { KIND_INFO, KINDS, type AnyObject, type Kind, type KindMap } from "../objects/kinds";
import type { ObjectRef } from "../objects/meta";
import type { ObjectSource } from "../source";
import { ClusterIPAllocator } from "../alloc/cluster-ip-allocator";
import { generateName, generateUid } from "../alloc/generate-name";
import { LoadBalancerIPAllocator } from "../alloc/load-balancer-ip-allocator";
import { NodePortAllocator } from "../alloc/node-port-allocator";
import { PodIPAllocator } from "../alloc/pod-ip-allocator";
import { SeededRandom, deriveSeed } from "../alloc/seeded-random";
import { releaseServiceAddresses, type ServiceAllocators } from "../alloc/allocate-service-addresses";
import { SimClock } from "../clock/sim-clock";
import type { ControllerContext, EventInput, NewObject } from "../controllers/controller-context";
import { StateMemo } from "../state-memo";
import { ChangeLog } from "./change-log";
import { recordEvent, type ClusterEvent } from "./cluster-event";
import { ObjectStore } from "./object-store";
import { isSameObject } from "./object-json";
import { GENERATION_KINDS } from "./kind-behaviour";

export { GENERATION_KINDS, STATUS_KINDS } from "./kind-behaviour";

/**
 * Everything the simulated cluster holds: objects, the clock, the seeded streams, the allocators, the
 * event log and where each object's YAML came from. It is also the context controllers run in.
 */
export class ClusterCore implements ControllerContext {
  readonly cni: CniProfile;
  /** What the controller running now watches, and the change it last saw. */
  private watching: { since: number; kinds: readonly Kind[] } | undefined;
  /** Recent stored changes, for watches (`kubectl get --watch`). */
  changes = ChangeLog.empty();
  /** What queries derived from this state; a clone starts with its own, empty one. */
  readonly memo = new StateMemo();

  constructor(
    readonly config: ClusterConfig,
    readonly store: ObjectStore,
    readonly clock: SimClock,
    private resourceVersion: number,
    readonly uids: SeededRandom,
    readonly names: SeededRandom,
    readonly services: ServiceAllocators,
    readonly podIPs: PodIPAllocator,
    readonly loadBalancerIPs: LoadBalancerIPAllocator,
    readonly eventLog: ClusterEvent[],
    readonly sources: Map<string, ObjectSource>,
    readonly pinnedStatus: Set<string>,
    private changeSeq = 0,
    /** The last change per kind, then namespace (`*` for cluster-scoped objects). */
    private readonly lastChange = new Map<string, Map<string, number>>(),
    /** The change sequence each controller had seen when it last ran. */
    private readonly controllerMarks = new Map<string, number>(),
  ) {
    this.cni = CNI_PROFILES[config.cni] ?? CNI_PROFILES.calico;
  }

  static empty(config: ClusterConfig): ClusterCore {
    const cni = CNI_PROFILES[config.cni] ?? CNI_PROFILES.calico;
    return new ClusterCore(
      config,
      new ObjectStore(),
      new SimClock(config.startTime),
      0,
      new SeededRandom(deriveSeed(config.seed, "uid")),
      new SeededRandom(deriveSeed(config.seed, "name")),
      {
        clusterIPs: new ClusterIPAllocator(config.serviceCIDR, new SeededRandom(deriveSeed(config.seed, "cluster-ip"))),
        nodePorts: new NodePortAllocator(config.nodePortRange, new SeededRandom(deriveSeed(config.seed, "node-port"))),
      },
      new PodIPAllocator(config.nodes, cni.podAddressing),
      new LoadBalancerIPAllocator(config.loadBalancerPool),
      [],
      new Map(),
      new Set(),
    );
  }

  clone(): ClusterCore {
    const copy = new ClusterCore(
      this.config,
      this.store.clone(),
      this.clock.clone(),
      this.resourceVersion,
      this.uids.clone(),
      this.names.clone(),
      { clusterIPs: this.services.clusterIPs.clone(), nodePorts: this.services.nodePorts.clone() },
      this.podIPs.clone(),
      this.loadBalancerIPs.clone(),
      [...this.eventLog],
      new Map(this.sources),
      new Set(this.pinnedStatus),
      this.changeSeq,
      new Map([...this.lastChange].map(([kind, byNamespace]) => [kind, new Map(byNamespace)])),
      new Map(this.controllerMarks),
    );
    copy.changes = this.changes.clone();
    return copy;
  }

  /**
   * Runs a write so that a failure leaves no trace: the counters and random streams are rewound, so a
   * rejected request does not even shift the uids or addresses later requests get (allocators undo their
   * own reservations).
   */
  transaction<T, E>(write: () => { ok: true; value: T } | { ok: false; error: E }): { ok: true; value: T } | { ok: false; error: E } {
    const saved = {
      resourceVersion: this.resourceVersion,
      uids: this.uids.save(),
      names: this.names.save(),
      clusterIPs: this.services.clusterIPs.random.save(),
      nodePorts: this.services.nodePorts.random.save(),
    };
    const result = write();
    if (!result.ok) {
      this.resourceVersion = saved.resourceVersion;
      this.uids.restore(saved.uids);
      this.names.restore(saved.names);
      this.services.clusterIPs.random.restore(saved.clusterIPs);
      this.services.nodePorts.random.restore(saved.nodePorts);
    }
    return result;
  }

  /** The resourceVersion counter: it moves on every stored change, so callers can tell whether a pass changed anything. */
  get revision(): number {
    return this.resourceVersion;
  }

  nextResourceVersion(): string {
    this.resourceVersion += 1;
    return String(this.resourceVersion);
  }

  newUid(): string {
    return generateUid(this.uids);
  }

  timestamp(): string {
    return this.clock.timestamp();
  }

  get<K extends Kind>(kind: K, name: string, namespace?: string): KindMap[K] | undefined {
    return this.store.get(kind, name, namespace);
  }

  list<K extends Kind>(kind: K, namespace?: string): readonly KindMap[K][] {
    return this.store.list(kind, namespace);
  }

  getByUid(uid: string): AnyObject | undefined {
    return this.store.getByUid(uid);
  }

  create<T extends AnyObject>(object: NewObject<T>): T {
    const meta = object.metadata;
    let name = meta.name;
    const kind = object.kind as Kind;
    if (!name) {
      do name = generateName(meta.generateName ?? "", this.names);
      while (this.store.get(kind, name, meta.namespace));
    }
    const stored = {
      ...object,
      metadata: {
        ...meta,
        name,
        uid: this.newUid(),
        resourceVersion: this.nextResourceVersion(),
        creationTimestamp: this.timestamp(),
        ...(GENERATION_KINDS.has(kind) ? { generation: 1 } : {}),
      },
    } as unknown as T;
    this.put(stored);
    return stored;
  }

  update<T extends AnyObject>(object: T): T {
    const current = this.store.get(object.kind as Kind, object.metadata.name, object.metadata.namespace);
    if (current && isSameObject(current, object)) return current as T;
    const stored = { ...object, metadata: { ...object.metadata, resourceVersion: this.nextResourceVersion() } } as T;
    this.put(stored);
    return stored;
  }

  delete(ref: ObjectRef): void {
    if (!KINDS.includes(ref.kind as Kind)) return;
    this.deleteCascading(ref.kind as Kind, ref.name, ref.namespace);
  }

  /**
   * Deletes an object and what depends on it. Background cascading deletion: the garbage collector removes
   * every object whose ownerReferences name a deleted uid
   * (https://kubernetes.io/docs/concepts/architecture/garbage-collection/#cascading-deletion). Deleting a
   * Namespace deletes everything in it (the namespace controller, pkg/controller/namespace/deletion).
   * Deleting a Service deletes the Endpoints of the same name (pkg/controller/endpoint/endpoints_controller.go
   * syncService, "the service has been deleted"). Allocations are returned as objects go.
   */
  deleteCascading(kind: Kind, name: string, namespace?: string): AnyObject | undefined {
    const removed = this.removeOne(kind, name, namespace);
    if (!removed) return undefined;
    const queue: AnyObject[] = [removed];
    if (kind === "Namespace") {
      for (const k of KINDS) {
        if (!KIND_INFO[k].namespaced) continue;
        for (const object of [...this.store.list(k, name)]) {
          const gone = this.removeOne(k, object.metadata.name, name);
          if (gone) queue.push(gone);
        }
      }
    }
    if (kind === "Node") {
      // The pod garbage collector deletes pods bound to a node that no longer exists
      // (pkg/controller/podgc/gc_controller.go gcOrphaned).
      for (const pod of this.store.list("Pod").filter((p) => p.spec?.nodeName === name)) {
        const gone = this.removeOne("Pod", pod.metadata.name, pod.metadata.namespace);
        if (gone) queue.push(gone);
      }
    }
    if (kind === "Service") {
      const endpoints = this.removeOne("Endpoints", name, namespace);
      if (endpoints) queue.push(endpoints);
    }
    while (queue.length > 0) {
      const owner = queue.shift()!;
      for (const dependent of this.dependentsOf(owner)) {
        const gone = this.removeOne(dependent.kind as Kind, dependent.metadata.name, dependent.metadata.namespace);
        if (gone) queue.push(gone);
      }
    }
    return removed;
  }

  /** Stores an object and records the change for the controllers that watch its kind. */
  put(object: AnyObject): void {
    const existed = this.store.getByUid(object.metadata.uid) !== undefined;
    this.store.put(object);
    this.markChanged(object);
    this.changes.record(existed ? "MODIFIED" : "ADDED", object, this.resourceVersion);
  }

  /** Counts every stored change; a reconcile pass that leaves it unchanged has settled the cluster. */
  get changeSequence(): number {
    return this.changeSeq;
  }

  /**
   * Runs one controller with what it watches, so isDirty can tell it which namespaces changed since it last
   * ran (its informers' events, in a real cluster). Its own writes count as changes for its next run.
   */
  runController(name: string, watches: readonly Kind[], run: () => void): void {
    const since = this.controllerMarks.get(name) ?? -1;
    const start = this.changeSeq;
    this.watching = { since, kinds: watches };
    try {
      run();
    } finally {
      this.watching = undefined;
    }
    this.controllerMarks.set(name, start);
  }

  isDirty(namespace: string | undefined): boolean {
    const watching = this.watching;
    if (!watching) return true;
    for (const kind of watching.kinds) {
      const changed = this.lastChange.get(kind)?.get(KIND_INFO[kind].namespaced ? (namespace ?? "*") : "*");
      if ((changed ?? 0) > watching.since) return true;
    }
    return false;
  }

  private markChanged(object: AnyObject): void {
    this.changeSeq += 1;
    const kind = object.kind as string;
    let byNamespace = this.lastChange.get(kind);
    if (!byNamespace) {
      byNamespace = new Map();
      this.lastChange.set(kind, byNamespace);
    }
    byNamespace.set(object.metadata.namespace ?? "*", this.changeSeq);
  }

  isStatusPinned(uid: string): boolean {
    return this.pinnedStatus.has(uid);
  }

  record(event: EventInput): void {
    recordEvent(
      this.eventLog,
      {
        type: event.type,
        reason: event.reason,
        message: event.message,
        source: event.source,
        involvedObject: {
          kind: event.object.kind as string,
          name: event.object.metadata.name,
          namespace: event.object.metadata.namespace,
          uid: event.object.metadata.uid,
        },
      },
      this.timestamp(),
    );
  }

  private dependentsOf(owner: AnyObject): AnyObject[] {
    const uid = owner.metadata.uid;
    const namespaces = owner.metadata.namespace !== undefined ? [owner.metadata.namespace] : undefined;
    const out: AnyObject[] = [];
    for (const k of KINDS) {
      if (!KIND_INFO[k].namespaced && namespaces) continue;
      const candidates = namespaces ? this.store.list(k, namespaces[0]) : this.store.list(k);
      for (const object of candidates) {
        if (object.metadata.ownerReferences?.some((ref) => ref.uid === uid)) out.push(object);
      }
    }
    return out;
  }

  private removeOne(kind: Kind, name: string, namespace?: string): AnyObject | undefined {
    const removed = this.store.remove(kind, name, namespace);
    if (!removed) return undefined;
    this.sources.delete(removed.metadata.uid);
    this.pinnedStatus.delete(removed.metadata.uid);
    this.markChanged(removed);
    this.nextResourceVersion();
    this.changes.record("DELETED", removed, this.resourceVersion);
    if (removed.kind === "Service") {
      releaseServiceAddresses(removed as KindMap["Service"], this.services);
      this.loadBalancerIPs.release(`${namespace ?? "default"}/${name}`);
    }
    if (removed.kind === "Pod") {
      const pod = removed as KindMap["Pod"];
      if (!pod.spec?.hostNetwork && pod.status?.podIP) this.podIPs.release(pod.status.podIP);
      if (pod.spec?.nodeName && pod.status?.phase === "Running") {
        // The kubelet stops each container (pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer).
        for (const container of pod.spec.containers ?? []) {
          this.record({ type: "Normal", reason: "Killing", message: `Stopping container ${container.name}`, object: pod, source: "kubelet" });
        }
      }
    }
    return removed;
  }
}
