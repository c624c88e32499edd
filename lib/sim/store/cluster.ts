import type { StatusError } from "../api/status-error";
import type { ClusterConfig } from "../config";
import type { ClusterState } from "../cluster-state";
import { reconcileCluster } from "../controllers/reconcile-cluster";
import { buildBootstrapPhases } from "../bootstrap/build-bootstrap-phases";
import { buildNamespace } from "../bootstrap/build-control-plane-objects";
import { resolveClusterConfig } from "../bootstrap/resolve-cluster-config";
import { parseManifests } from "../manifest/parse-manifests";
import { KIND_INFO, isKind, type AnyObject, type Kind, type KindMap } from "../objects/kinds";
import type { ManifestObject, ObjectRef } from "../objects/meta";
import { err, ok, type Result } from "../result";
import type { ObjectSource } from "../source";
import type { StateMemo } from "../state-memo";
import { admitObject } from "../validation/admit-object";
import { applyMapChanges, type MapChanges } from "./apply-map-changes";
import { buildExposedService, type ExposeOptions } from "./build-exposed-service";
import { ClusterCore } from "./cluster-core";
import type { StoredChange } from "./change-log";
import type { ClusterEvent } from "./cluster-event";
import { buildAppliedObject, formatMissingLastAppliedWarning, mergeAppliedObject, parseLastApplied } from "./merge-applied-object";
import { isJsonObject, type JsonObject } from "./object-json";
import { prepareCreate } from "./prepare-create";
import { prepareUpdate } from "./prepare-update";
import { badRequestError, forbiddenError, notFoundError } from "./status-errors";
import type { Addon, ApplyTextOptions, ApplyTextResult, ClusterOptions, DocumentOutcome, WriteAction, WriteOptions, WriteOutcome } from "./write-outcome";

export type { Addon, ApplyTextOptions, ApplyTextResult, ClusterOptions, DocumentOutcome, WriteAction, WriteOptions, WriteOutcome } from "./write-outcome";

const IMMORTAL_NAMESPACES = ["default", "kube-system", "kube-public"];

/**
 * The simulated cluster: the API server's storage and write semantics plus the controllers a real cluster
 * runs, synchronously and deterministically. The only stateful module of the simulator; every query module
 * reads it through ClusterState. Every write either succeeds and leaves the cluster reconciled, or fails with
 * a StatusError and changes nothing.
 */
export class Cluster implements ClusterState {
  private deferReconcile = false;

  private constructor(
    private readonly core: ClusterCore,
    private readonly addons: ReadonlySet<Addon>,
  ) {}

  /** A cluster as `kubeadm init` plus the chosen addons leave it. */
  static create(options: ClusterOptions = {}): Cluster {
    const config = resolveClusterConfig(options.config);
    const addons = new Set<Addon>(options.addons ?? ["coredns"]);
    const cluster = new Cluster(ClusterCore.empty(config), addons);
    const phases = buildBootstrapPhases(config, addons);
    for (const objects of phases) {
      for (const result of cluster.load(objects)) {
        if (!result.ok) throw new Error(`bootstrap object rejected: ${result.error.message}`);
      }
    }
    return cluster;
  }

  get config(): ClusterConfig {
    return this.core.config;
  }

  now(): Date {
    return this.core.clock.now();
  }

  /**
   * The storage's current resourceVersion, as a list response carries it in metadata.resourceVersion: it moves
   * on every write and delete, so a watcher (`kubectl get --watch`) can tell whether anything changed since it
   * last looked (https://kubernetes.io/docs/reference/using-api/api-concepts/#efficient-detection-of-changes).
   */
  get resourceVersion(): string {
    return String(this.core.revision);
  }

  /**
   * The stored changes after a resourceVersion, oldest first, as a watch resuming from it receives them;
   * undefined when that is older than the window the cluster keeps (the watch must list again).
   */
  changesSince(resourceVersion: string): readonly StoredChange[] | undefined {
    return this.core.changes.since(Number(resourceVersion));
  }

  get<K extends Kind>(kind: K, name: string, namespace?: string): KindMap[K] | undefined {
    return this.core.store.get(kind, name, namespace);
  }

  list<K extends Kind>(kind: K, namespace?: string): readonly KindMap[K][] {
    return this.core.store.list(kind, namespace);
  }

  sourceOf(object: AnyObject): ObjectSource | undefined {
    return this.core.sources.get(object.metadata.uid);
  }

  get changeSequence(): number {
    return this.core.changeSequence;
  }

  get memo(): StateMemo {
    return this.core.memo;
  }

  /** Events, oldest first, as `kubectl get events` lists them. */
  events(): readonly ClusterEvent[] {
    return this.core.eventLog;
  }

  hasAddon(addon: Addon): boolean {
    return this.addons.has(addon);
  }

  /** Moves the simulated clock forward (AGE columns, event times). */
  advance(ms: number): void {
    this.core.clock.advance(ms);
  }

  /** An independent copy: objects are shared (never mutated), maps and allocators are copied. */
  clone(): Cluster {
    return new Cluster(this.core.clone(), this.addons);
  }

  /** `kubectl create -f`: AlreadyExists when the object exists. */
  create(object: ManifestObject, options: WriteOptions = {}): Result<WriteOutcome, StatusError> {
    return this.write(object, (input) => {
      const prepared = prepareCreate(this.core, input, options);
      if (!prepared.ok) return prepared;
      this.store(prepared.value.object, options.source, false);
      return ok({ object: prepared.value.object, action: "created" as const });
    });
  }

  /**
   * `kubectl apply -f`: creates the object, or merges it into the live one (three-way, against the
   * last-applied-configuration annotation), reporting created / configured / unchanged as kubectl does.
   */
  apply(object: ManifestObject, options: WriteOptions = {}): Result<WriteOutcome, StatusError> {
    return this.write(object, (input) => {
      const kind = input.kind as Kind;
      const meta = isJsonObject(input.metadata) ? input.metadata : {};
      const namespace = this.namespaceFor(kind, meta, options.namespace);
      const applied = buildAppliedObject(input, namespace);
      const live = typeof meta.name === "string" ? this.core.store.get(kind, meta.name, namespace) : undefined;
      if (!live) {
        const prepared = prepareCreate(this.core, applied, options);
        if (!prepared.ok) return prepared;
        this.store(prepared.value.object, options.source, false);
        return ok({ object: prepared.value.object, action: "created" as const });
      }
      const liveJson = live as unknown as JsonObject;
      const lastApplied = parseLastApplied(liveJson);
      const warnings = lastApplied ? undefined : [formatMissingLastAppliedWarning(kind, live.metadata.name)];
      const merged = mergeAppliedObject(liveJson, applied, lastApplied);
      const prepared = prepareUpdate(this.core, merged, live, options);
      if (!prepared.ok) return prepared;
      if (!prepared.value.changed) return ok({ object: live, action: "unchanged" as const, ...(warnings ? { warnings } : {}) });
      this.store(prepared.value.object, options.source, false);
      return ok({ object: prepared.value.object, action: "configured" as const, ...(warnings ? { warnings } : {}) });
    });
  }

  /** `kubectl replace -f`: the whole object replaces the stored one (NotFound when there is none). */
  replace(object: ManifestObject, options: WriteOptions = {}): Result<WriteOutcome, StatusError> {
    return this.write(object, (input) => {
      const kind = input.kind as Kind;
      const meta = isJsonObject(input.metadata) ? input.metadata : {};
      const name = typeof meta.name === "string" ? meta.name : "";
      const live = this.core.store.get(kind, name, this.namespaceFor(kind, meta, options.namespace));
      if (!live) return err(notFoundError(kind, name));
      const prepared = prepareUpdate(this.core, input, live, options);
      if (!prepared.ok) return prepared;
      if (prepared.value.changed) this.store(prepared.value.object, options.source, false);
      return ok({ object: prepared.value.object, action: "replaced" as const });
    });
  }

  /** `kubectl delete`: NotFound when absent; dependents (ownerReferences) and a Namespace's contents go too. */
  delete(kind: Kind, name: string, namespace?: string): Result<WriteOutcome, StatusError> {
    if (!isKind(kind)) return err(badRequestError(`the server doesn't have a resource type "${String(kind)}"`));
    // NamespaceLifecycle keeps the immortal namespaces (plugin/pkg/admission/namespace/lifecycle/admission.go).
    if (kind === "Namespace" && IMMORTAL_NAMESPACES.includes(name) && this.get("Namespace", name)) {
      return err(forbiddenError("Namespace", name, "this namespace may not be deleted"));
    }
    const removed = this.core.deleteCascading(kind, name, KIND_INFO[kind].namespaced ? (namespace ?? "default") : undefined);
    if (!removed) return err(notFoundError(kind, name));
    this.reconcile();
    return ok({ object: removed, action: "deleted" });
  }

  /** `kubectl label` (`null` removes a key, like `key-`). */
  label(kind: Kind, name: string, namespace: string | undefined, changes: MapChanges, options: { overwrite?: boolean } = {}): Result<WriteOutcome, StatusError> {
    return this.editMap(kind, name, namespace, changes, options.overwrite === true, "labels");
  }

  /** `kubectl annotate` (`null` removes a key). */
  annotate(kind: Kind, name: string, namespace: string | undefined, changes: MapChanges, options: { overwrite?: boolean } = {}): Result<WriteOutcome, StatusError> {
    return this.editMap(kind, name, namespace, changes, options.overwrite === true, "annotations");
  }

  /** `kubectl scale --replicas=N` for a Deployment or ReplicaSet. */
  scale(kind: Kind, name: string, namespace: string | undefined, replicas: number): Result<WriteOutcome, StatusError> {
    if (!Number.isInteger(replicas) || replicas < 0) {
      // k8s.io/kubectl pkg/cmd/scale/scale.go Validate.
      return err(badRequestError("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0"));
    }
    const live = isKind(kind) ? this.get(kind, name, namespace) : undefined;
    if (!live) return err(notFoundError(isKind(kind) ? kind : "Deployment", name));
    if (kind !== "Deployment" && kind !== "ReplicaSet") return err(badRequestError(`cannot scale a ${kind}: only Deployments and ReplicaSets have a scale subresource here`));
    const spec = { ...((live as KindMap["Deployment"]).spec ?? {}), replicas };
    return this.writeUpdate(live, { ...(live as unknown as JsonObject), spec }, "scaled");
  }

  /** `kubectl expose`: builds the Service kubectl would send and creates it. */
  expose(kind: Kind, name: string, namespace: string | undefined, options: ExposeOptions = {}): Result<WriteOutcome, StatusError> {
    const target = isKind(kind) ? this.get(kind, name, namespace) : undefined;
    if (!target) return err(notFoundError(isKind(kind) ? kind : "Pod", name));
    const service = buildExposedService(target, options);
    if (!service.ok) return err(badRequestError(service.error));
    const created = this.create(service.value, { namespace: target.metadata.namespace });
    return created.ok ? ok({ object: created.value.object, action: "exposed" }) : created;
  }

  /**
   * `kubectl apply|create|replace -f` on a text: every parsed document is written in order, each with its
   * own result; a document that fails does not undo the others (kubectl is not transactional).
   */
  applyText(text: string, options: ApplyTextOptions = {}): ApplyTextResult {
    const parsed = parseManifests(text, { file: options.file });
    const errors = [...parsed.errors];
    if (parsed.documents.length === 0 && errors.length === 0) errors.push({ message: "no objects passed to " + (options.mode ?? "apply") });
    // Controllers settle once after the last document: what each write answers is the object the API server
    // stored, before any controller acted on it, so the outcome is the same as reconciling after each one.
    this.deferReconcile = true;
    let documents: DocumentOutcome[];
    try {
      documents = this.writeDocuments(parsed.documents, options);
    } finally {
      this.deferReconcile = false;
    }
    if (documents.some((d) => d.result.ok)) this.reconcile();
    return { documents, errors };
  }

  private writeDocuments(parsedDocuments: ReturnType<typeof parseManifests>["documents"], options: ApplyTextOptions): DocumentOutcome[] {
    return parsedDocuments.map((doc) => {
      const object = doc.object;
      const meta = isJsonObject(object.metadata) ? object.metadata : {};
      const kind = typeof object.kind === "string" ? object.kind : "";
      const ref: ObjectRef | undefined = typeof meta.name === "string" ? { kind, name: meta.name, ...(typeof meta.namespace === "string" ? { namespace: meta.namespace } : {}) } : undefined;
      const own = typeof meta.namespace === "string" ? meta.namespace : undefined;
      if (options.namespace && own && own !== options.namespace && isKind(kind) && KIND_INFO[kind].namespaced) {
        // kubectl's client-side check (k8s.io/cli-runtime pkg/resource/mapper.go / kubectl apply).
        const message = `the namespace from the provided object "${own}" does not match the namespace "${options.namespace}". You must pass '--namespace=${own}' to perform this operation.`;
        return { index: doc.index, ref, result: err(badRequestError(message)) };
      }
      const writeOptions = { namespace: options.namespace, source: doc.source };
      const result = options.mode === "create" ? this.create(object, writeOptions) : options.mode === "replace" ? this.replace(object, writeOptions) : this.apply(object, writeOptions);
      return { index: doc.index, ref, result };
    });
  }

  /**
   * Loads objects as cluster state, not requests: status on Pods (phase, podIP(s), conditions,
   * deletionTimestamp), uids and timestamps are kept; missing status is filled as a healthy cluster would;
   * namespaces the objects live in are created if absent. Namespaces go first; controllers run once at the end.
   */
  load(objects: readonly ManifestObject[]): Result<AnyObject, StatusError>[] {
    const order = objects.map((object, index) => ({ object, index }));
    order.sort((a, b) => rank(a.object) - rank(b.object) || a.index - b.index);
    const results: Result<AnyObject, StatusError>[] = new Array(objects.length);
    for (const { object, index } of order) {
      if (isJsonObject(object) && isKind(object.kind) && KIND_INFO[object.kind].namespaced) {
        const meta = isJsonObject(object.metadata) ? object.metadata : {};
        const namespace = typeof meta.namespace === "string" && meta.namespace ? meta.namespace : "default";
        if (!this.core.store.get("Namespace", namespace)) {
          const created = this.core.transaction(() => prepareCreate(this.core, buildNamespace(namespace) as JsonObject, { asState: true }));
          if (created.ok) this.store(created.value.object, undefined, false);
        }
      }
      results[index] = this.core.transaction<AnyObject, StatusError>(() => {
        if (!isJsonObject(object) || !isKind(object.kind)) {
          const admitted = admitObject(object, { operation: "create", config: this.core.config });
          return admitted.ok ? err(badRequestError(`unsupported kind ${String(object?.kind)}`)) : admitted;
        }
        const gate = this.checkKindInstalled(object.kind);
        if (!gate.ok) return gate;
        const prepared = prepareCreate(this.core, object, { asState: true });
        if (!prepared.ok) return prepared;
        const stored = prepared.value.object;
        if (stored.kind === "Pod") {
          const pod = stored as KindMap["Pod"];
          for (const ip of [pod.status?.podIP, ...(pod.status?.podIPs ?? []).map((p) => p.ip)]) if (ip && !pod.spec?.hostNetwork) this.core.podIPs.reserve(ip);
        }
        this.store(stored, undefined, prepared.value.pinStatus);
        return ok(stored);
      });
    }
    this.reconcile();
    return results;
  }

  private write(object: ManifestObject, perform: (input: JsonObject) => Result<WriteOutcome, StatusError>): Result<WriteOutcome, StatusError> {
    const result = this.core.transaction<WriteOutcome, StatusError>(() => {
      if (!isJsonObject(object) || !isKind(object.kind)) {
        const admitted = admitObject(object, { operation: "create", config: this.core.config });
        return admitted.ok ? err(badRequestError(`unsupported kind ${String(object?.kind)}`)) : admitted;
      }
      const gate = this.checkKindInstalled(object.kind);
      if (!gate.ok) return gate;
      return perform(object);
    });
    if (result.ok) this.reconcile();
    return result;
  }

  private writeUpdate(live: AnyObject, next: JsonObject, action: WriteAction): Result<WriteOutcome, StatusError> {
    const result = this.core.transaction<{ object: AnyObject; action: WriteAction }, StatusError>(() => {
      const prepared = prepareUpdate(this.core, next, live, {});
      if (!prepared.ok) return prepared;
      if (prepared.value.changed) this.store(prepared.value.object, this.core.sources.get(live.metadata.uid), false);
      return ok({ object: prepared.value.object, action });
    });
    if (!result.ok) return result;
    this.reconcile();
    return ok({ object: this.get(live.kind as Kind, live.metadata.name, live.metadata.namespace) ?? result.value.object, action: result.value.action });
  }

  private editMap(kind: Kind, name: string, namespace: string | undefined, changes: MapChanges, overwrite: boolean, field: "labels" | "annotations"): Result<WriteOutcome, StatusError> {
    const live = isKind(kind) ? this.get(kind, name, namespace) : undefined;
    if (!live) return err(notFoundError(isKind(kind) ? kind : "Pod", name));
    const next = applyMapChanges(live.metadata[field], changes, overwrite);
    if (!next.ok) return err(badRequestError(next.error));
    const metadata: JsonObject = { ...(live.metadata as unknown as JsonObject) };
    if (Object.keys(next.value).length > 0) metadata[field] = next.value;
    else delete metadata[field];
    const verb = field === "labels" ? "labeled" : "annotated";
    const result = this.writeUpdate(live, { ...(live as unknown as JsonObject), metadata }, verb);
    if (!result.ok) return result;
    const changed = result.value.object.metadata.resourceVersion !== live.metadata.resourceVersion;
    return ok({ object: result.value.object, action: changed ? verb : (`not ${verb}` as WriteAction) });
  }

  /**
   * cert-manager.io kinds exist only where cert-manager's CRDs are installed; elsewhere the API server has no
   * such resource and kubectl reports `no matches for kind "ClusterIssuer" in version "cert-manager.io/v1"`.
   */
  private checkKindInstalled(kind: Kind): Result<true, StatusError> {
    if (KIND_INFO[kind].group !== "cert-manager.io" || this.addons.has("cert-manager")) return ok(true);
    return err({ reason: "NotFound", code: 404, message: `no matches for kind "${kind}" in version "${KIND_INFO[kind].apiVersion}"` });
  }

  private namespaceFor(kind: Kind, meta: JsonObject, requested: string | undefined): string | undefined {
    if (!KIND_INFO[kind].namespaced) return undefined;
    return typeof meta.namespace === "string" && meta.namespace ? meta.namespace : (requested ?? "default");
  }

  private store(object: AnyObject, source: ObjectSource | undefined, pinStatus: boolean): void {
    this.core.put(object);
    if (source) this.core.sources.set(object.metadata.uid, source);
    if (pinStatus) this.core.pinnedStatus.add(object.metadata.uid);
  }

  private reconcile(): void {
    if (this.deferReconcile) return;
    reconcileCluster(this.core, { certManager: this.addons.has("cert-manager") });
  }
}

/** Load order: namespaces, then nodes and classes, then everything else; workloads last. */
function rank(object: ManifestObject): number {
  switch (object?.kind) {
    case "Namespace":
      return 0;
    case "Node":
    case "IngressClass":
    case "ClusterIssuer":
      return 1;
    default:
      return 2;
  }
}
