import { KIND_INFO, KINDS, type AnyObject, type Kind, type KindMap } from "../objects/kinds";

/** Objects of one kind: namespace ("" for cluster-scoped) → name → object. */
type KindTable = Map<string, Map<string, AnyObject>>;

/**
 * The simulator's etcd: objects by kind, namespace and name, with the sorted listings ClusterState promises
 * cached until the next write to that kind. Stored objects are never mutated; every change stores a new
 * object, so a clone shares them and copies only the maps (cheap enough to clone per grading).
 */
export class ObjectStore {
  private readonly tables: Map<Kind, KindTable>;
  private readonly byUid: Map<string, AnyObject>;
  private readonly listCache = new Map<Kind, Map<string, readonly AnyObject[]>>();

  constructor(tables?: Map<Kind, KindTable>, byUid?: Map<string, AnyObject>) {
    this.tables = tables ?? new Map(KINDS.map((kind) => [kind, new Map()]));
    this.byUid = byUid ?? new Map();
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
    let cache = this.listCache.get(kind);
    if (!cache) {
      cache = new Map();
      this.listCache.set(kind, cache);
    }
    const cached = cache.get(key);
    if (cached) return cached as KindMap[K][];
    const namespaces = namespace === undefined ? [...table.keys()].sort(compareText) : KIND_INFO[kind].namespaced ? [namespace] : [""];
    const out: AnyObject[] = [];
    for (const ns of namespaces) {
      const names = table.get(ns);
      if (!names) continue;
      for (const name of [...names.keys()].sort(compareText)) out.push(names.get(name)!);
    }
    cache.set(key, out);
    return out as KindMap[K][];
  }

  /** Namespaces holding at least one object of the kind. */
  namespacesOf(kind: Kind): string[] {
    return [...(this.tables.get(kind)?.keys() ?? [])].filter((ns) => (this.tables.get(kind)?.get(ns)?.size ?? 0) > 0);
  }

  put(object: AnyObject): void {
    const kind = object.kind as Kind;
    const ns = KIND_INFO[kind].namespaced ? (object.metadata.namespace ?? "default") : "";
    const table = this.tables.get(kind)!;
    let names = table.get(ns);
    if (!names) {
      names = new Map();
      table.set(ns, names);
    }
    const previous = names.get(object.metadata.name);
    if (previous && previous.metadata.uid !== object.metadata.uid) this.byUid.delete(previous.metadata.uid);
    names.set(object.metadata.name, object);
    this.byUid.set(object.metadata.uid, object);
    this.invalidate(kind);
  }

  remove(kind: Kind, name: string, namespace?: string): AnyObject | undefined {
    const ns = KIND_INFO[kind].namespaced ? (namespace ?? "default") : "";
    const names = this.tables.get(kind)?.get(ns);
    const previous = names?.get(name);
    if (!names || !previous) return undefined;
    names.delete(name);
    if (names.size === 0) this.tables.get(kind)!.delete(ns);
    this.byUid.delete(previous.metadata.uid);
    this.invalidate(kind);
    return previous;
  }

  clone(): ObjectStore {
    const tables = new Map<Kind, KindTable>();
    for (const [kind, table] of this.tables) {
      const copy: KindTable = new Map();
      for (const [ns, names] of table) copy.set(ns, new Map(names));
      tables.set(kind, copy);
    }
    return new ObjectStore(tables, new Map(this.byUid));
  }

  private invalidate(kind: Kind): void {
    this.listCache.delete(kind);
  }
}

/** Byte-wise order, as the API server lists keys out of etcd (not locale order). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
