import type { AnyObject } from "../objects/kinds";

/** One stored change as a watch delivers it (k8s.io/apimachinery pkg/watch: Added, Modified, Deleted). */
export interface StoredChange {
  type: "ADDED" | "MODIFIED" | "DELETED";
  /** The object as stored, or as it was when deleted. */
  object: AnyObject;
  resourceVersion: number;
}

/** About this many recent changes are kept, oldest dropped first, as the API server's watch cache keeps a window. */
export const MAX_CHANGES = 1000;

/**
 * The recent history of stored changes, in resourceVersion order: what the API server's watch cache serves a
 * watch that resumes from a resourceVersion (k8s.io/apiserver pkg/storage/cacher/watch_cache.go). A watch that
 * asks for changes older than the window gets nothing back and must list again, as a real one gets
 * `410 Gone: too old resource version`.
 */
export class ChangeLog {
  private constructor(
    private readonly entries: StoredChange[],
    /** The newest resourceVersion dropped from the window; changes after it are all here. */
    private droppedThrough: number,
  ) {}

  static empty(): ChangeLog {
    return new ChangeLog([], 0);
  }

  clone(): ChangeLog {
    return new ChangeLog([...this.entries], this.droppedThrough);
  }

  record(type: StoredChange["type"], object: AnyObject, resourceVersion: number): void {
    this.entries.push({ type, object, resourceVersion });
    // Trimmed in batches so a busy cluster does not shift the whole array on every write.
    if (this.entries.length > MAX_CHANGES + 200) {
      const dropped = this.entries.splice(0, this.entries.length - MAX_CHANGES);
      this.droppedThrough = dropped[dropped.length - 1].resourceVersion;
    }
  }

  /** The changes after `resourceVersion`, oldest first; undefined when the window no longer reaches back to it. */
  since(resourceVersion: number): readonly StoredChange[] | undefined {
    if (resourceVersion < this.droppedThrough) return undefined;
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.entries[middle].resourceVersion <= resourceVersion) low = middle + 1;
      else high = middle;
    }
    return this.entries.slice(low);
  }
}
