import { KIND_INFO, KINDS, type AnyObject, type Kind, type KindMap } from "../objects/kinds";

/** Objects of one kind: namespace ("" for cluster-scoped) → name → object. */
type KindTable = Map<string, Map<string, AnyObject>>;

/**
 * The simulator's etcd: objects by kind, namespace and name, with the sorted listings ClusterState promises
 * cached until the next write to that kind. Stored objects are never mutated; every change stores a new
 * object, so a clone shares them. A clone shares the maps too, copy-on-write: a kind's table (and the uid
 * index) is copied the first time either side writes to it, so forking a scenario cluster per grade costs
 * only the kinds the grade changes. Sorted listings are immutable snapshots, so a clone starts with them,
 * sharing each kind's cache of them until either side adds a listing to it.
 */
export class ObjectStore {
  private readonly tables: Map<Kind, KindTable>;
  private byUid: Map<string, AnyObject>;
  private readonly listCache: Map<Kind, Map<string, readonly AnyObject[]>>;
  /** Kinds whose table this store alone holds; the others are shared with a clone and copied before a write. */
  private readonly ownedKinds: Set<Kind>;
  private ownsUidIndex: boolean;
  /** Kinds whose listing cache this store alone holds; the others are shared with a clone, copied before a listing is added. */
  private readonly ownedListings: Set<Kind>;

  constructor(tables?: Map<Kind, KindTable>, byUid?: Map<string, AnyObject>, listCache?: Map<Kind, Map<string, readonly AnyObject[]>>) {
    this.tables = tables ?? new Map(KINDS.map((kind) => [kind, new Map()]));
    this.byUid = byUid ?? new Map();
    this.listCache = listCache ?? new Map();
    this.ownedKinds = tables ? new Set() : new Set(KINDS);
    this.ownsUidIndex = !byUid;
    this.ownedListings = new Set();
  }

  get<K extends Kind>(kind: K, name: string, namespace?: string): KindMap[K] | undefined {
    const ns = KIND_INFO[kind]?.namespaced ? (namespace ?? "default") : "";
    return this.tables.get(kind)?.get(ns)?.get(name) as KindMap[K] | undefined;
  }

  getByUid(uid: string): AnyObject | undefined {
    return this.byUid.get(uid);
  }

  list<K extends Kind>(kind: K, namespace?: string): readonly KindMap[K][] {
    const table = this.tables.get(kind);
    if (!table) return [];
    const key = namespace ?? "*";
    const cached = this.listCache.get(kind)?.get(key);
    if (cached) return cached as KindMap[K][];
    const namespaces = namespace === undefined ? [...table.keys()].sort(compareText) : KIND_INFO[kind].namespaced ? [namespace] : [""];
    const out: AnyObject[] = [];
    for (const ns of namespaces) {
      const names = table.get(ns);
      if (!names) continue;
      for (const name of [...names.keys()].sort(compareText)) out.push(names.get(name)!);
    }
    this.writableListings(kind).set(key, out);
    return out as KindMap[K][];
  }

  /** Namespaces holding at least one object of the kind. */
  namespacesOf(kind: Kind): string[] {
    return [...(this.tables.get(kind)?.keys() ?? [])].filter((ns) => (this.tables.get(kind)?.get(ns)?.size ?? 0) > 0);
  }

  put(object: AnyObject): void {
    const kind = object.kind as Kind;
    const ns = KIND_INFO[kind].namespaced ? (object.metadata.namespace ?? "default") : "";
    const table = this.writableTable(kind);
    const byUid = this.writableUidIndex();
    let names = table.get(ns);
    if (!names) {
      names = new Map();
      table.set(ns, names);
    }
    const previous = names.get(object.metadata.name);
    if (previous && previous.metadata.uid !== object.metadata.uid) byUid.delete(previous.metadata.uid);
    names.set(object.metadata.name, object);
    byUid.set(object.metadata.uid, object);
    this.invalidate(kind);
  }

  remove(kind: Kind, name: string, namespace?: string): AnyObject | undefined {
    const ns = KIND_INFO[kind].namespaced ? (namespace ?? "default") : "";
    if (!this.tables.get(kind)?.get(ns)?.has(name)) return undefined;
    const table = this.writableTable(kind);
    const names = table.get(ns)!;
    const previous = names.get(name)!;
    names.delete(name);
    if (names.size === 0) table.delete(ns);
    this.writableUidIndex().delete(previous.metadata.uid);
    this.invalidate(kind);
    return previous;
  }

  clone(): ObjectStore {
    // From here on both stores share every table and listing cache: neither may change one in place any more.
    this.ownedKinds.clear();
    this.ownsUidIndex = false;
    this.ownedListings.clear();
    return new ObjectStore(new Map(this.tables), this.byUid, new Map(this.listCache));
  }

  private writableListings(kind: Kind): Map<string, readonly AnyObject[]> {
    const shared = this.listCache.get(kind);
    if (shared && this.ownedListings.has(kind)) return shared;
    const own = new Map(shared);
    this.listCache.set(kind, own);
    this.ownedListings.add(kind);
    return own;
  }

  private writableTable(kind: Kind): KindTable {
    const table = this.tables.get(kind)!;
    if (this.ownedKinds.has(kind)) return table;
    const copy: KindTable = new Map();
    for (const [ns, names] of table) copy.set(ns, new Map(names));
    this.tables.set(kind, copy);
    this.ownedKinds.add(kind);
    return copy;
  }

  private writableUidIndex(): Map<string, AnyObject> {
    if (!this.ownsUidIndex) {
      this.byUid = new Map(this.byUid);
      this.ownsUidIndex = true;
    }
    return this.byUid;
  }

  private invalidate(kind: Kind): void {
    this.listCache.delete(kind);
    this.ownedListings.delete(kind);
  }
}

/** Byte-wise order, as the API server lists keys out of etcd (not locale order). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
