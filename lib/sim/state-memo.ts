import type { ClusterState } from "./cluster-state";

/** One query module's cache: how to make it empty. Compared by identity, so each module declares its own. */
export interface MemoSlot<T> {
  readonly create: () => T;
}

export function memoSlot<T>(create: () => T): MemoSlot<T> {
  return { create };
}

/**
 * Answers the query modules derive from one cluster state (an address index of the Service listing, compiled
 * NetworkPolicies, nameserver probes), kept by the state itself so they die with it.
 *
 * They used to live in module-level WeakMaps keyed by the state's listings. Those tables are old-generation
 * objects, and V8's scavenger keeps the values of an old table's entries alive even when the key is young and
 * dead (it leaves weakness to full GCs), so every graded clone's indexes and models stayed in the heap until
 * the next full GC and were copied, then promoted, by each young-generation GC in between
 * (docs/performance.md, "Garbage that outlives scavenges"). A memo allocated with a clone is young with it.
 */
export class StateMemo {
  private readonly slots = new Map<MemoSlot<unknown>, unknown>();

  get<T>(slot: MemoSlot<T>): T {
    let value = this.slots.get(slot) as T | undefined;
    if (value === undefined) {
      value = slot.create();
      this.slots.set(slot, value);
    }
    return value;
  }
}

/** The state's own cache for a slot; a state that keeps none (a fixture) gets an empty one each time. */
export function memoOf<T>(state: ClusterState, slot: MemoSlot<T>): T {
  return state.memo ? state.memo.get(slot) : slot.create();
}

/**
 * What a listing-keyed cache holds for one key (a namespace): the answer and the listing it was derived from.
 * A listing is an immutable snapshot that the store hands out until the next write to its kind, so a
 * different listing means the answer is stale.
 */
export interface ListingEntry<L, V> {
  listing: L;
  value: V;
}

/** The cached answer for `key` while the listing is the same array, else a fresh one from `derive`. */
export function memoByListing<L extends object, V>(cache: Map<string, ListingEntry<L, V>>, key: string, listing: L, derive: (listing: L) => V): V {
  const cached = cache.get(key);
  if (cached && cached.listing === listing) return cached.value;
  const value = derive(listing);
  cache.set(key, { listing, value });
  return value;
}
