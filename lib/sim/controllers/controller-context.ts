import type { CniProfile } from "../cni/cni-profile";
import type { ClusterConfig } from "../config";
import type { AnyObject, Kind, KindMap } from "../objects/kinds";
import type { ObjectMeta, ObjectRef } from "../objects/meta";
import type { LoadBalancerIPAllocator } from "../alloc/load-balancer-ip-allocator";
import type { PodIPAllocator } from "../alloc/pod-ip-allocator";
import type { SeededRandom } from "../alloc/seeded-random";

/** Metadata a controller writes; the store fills uid, resourceVersion and creationTimestamp. */
export type NewObjectMeta = Omit<ObjectMeta, "uid" | "resourceVersion" | "creationTimestamp" | "name"> & { name?: string; generateName?: string };
export type NewObject<T extends AnyObject = AnyObject> = Omit<T, "metadata"> & { metadata: NewObjectMeta };

export interface EventInput {
  type: "Normal" | "Warning";
  reason: string;
  message: string;
  object: AnyObject;
  source: string;
}

/**
 * What a controller may do: read the store, write objects as the API server would store them (controller
 * writes skip learner-facing admission because they are built from already-admitted objects), delete with
 * garbage collection, draw IPs and names, and record events. Controllers are functions of this context.
 */
export interface ControllerContext {
  readonly config: ClusterConfig;
  readonly cni: CniProfile;
  /** RFC 3339 time of the simulated clock. */
  timestamp(): string;
  get<K extends Kind>(kind: K, name: string, namespace?: string): KindMap[K] | undefined;
  list<K extends Kind>(kind: K, namespace?: string): readonly KindMap[K][];
  getByUid(uid: string): AnyObject | undefined;
  /** Stores a new object (generateName honoured); answers the stored object. */
  create<T extends AnyObject>(object: NewObject<T>): T;
  /** Stores a changed object; a no-op (and no new resourceVersion) when nothing differs. */
  update<T extends AnyObject>(object: T): T;
  /** Deletes an object and, through ownerReferences, its dependents. */
  delete(ref: ObjectRef): void;
  /**
   * Whether an object of a kind the running controller watches changed in the namespace since the
   * controller last ran; a change to a watched cluster-scoped kind (Node, IngressClass) counts everywhere.
   */
  isDirty(namespace: string | undefined): boolean;
  /** Whether a Pod's status came from a loaded snapshot and must be honoured, not recomputed. */
  isStatusPinned(uid: string): boolean;
  readonly podIPs: PodIPAllocator;
  readonly loadBalancerIPs: LoadBalancerIPAllocator;
  /** The stream generated names draw from. */
  readonly names: SeededRandom;
  record(event: EventInput): void;
}
