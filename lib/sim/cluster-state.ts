import type { ClusterConfig } from "./config";
import type { AnyObject, Kind, KindMap } from "./objects/kinds";
import type { ObjectSource } from "./source";
import type { StateMemo } from "./state-memo";

/**
 * The read side of the simulated cluster. Every question the simulator answers (DNS, routing, policy,
 * Ingress) is a pure function of a ClusterState; only the store writes.
 */
export interface ClusterState {
  readonly config: ClusterConfig;
  /** The simulated clock, for AGE columns and timestamps. */
  now(): Date;
  get<K extends Kind>(kind: K, name: string, namespace?: string): KindMap[K] | undefined;
  /** All objects of a kind, in one namespace or (namespace undefined) in all, sorted by namespace then name. */
  list<K extends Kind>(kind: K, namespace?: string): readonly KindMap[K][];
  /** Where the object's YAML came from, if a learner wrote it. */
  sourceOf(object: AnyObject): ObjectSource | undefined;
  /**
   * Moves on every stored change (a write or a deletion, with its source); two equal readings mean the same
   * objects, so a query may keep an answer until it moves. A state without one is never cached.
   */
  readonly changeSequence?: number;
  /** Where query modules keep what they derive from this state, so it dies with the state; none caches nothing. */
  readonly memo?: StateMemo;
}
