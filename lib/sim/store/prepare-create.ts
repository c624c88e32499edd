import type { StatusError } from "../api/status-error";
import { generateName } from "../alloc/generate-name";
import { allocateServiceAddresses } from "../alloc/allocate-service-addresses";
import { findDefaultIngressClass } from "../controllers/ingress-status-controller";
import { preparePodForCreate } from "../controllers/prepare-pod";
import { KIND_INFO, type AnyObject, type Kind, type Service } from "../objects/kinds";
import { err, ok, type Result } from "../result";
import type { ObjectSource } from "../source";
import { admitObject } from "../validation/admit-object";
import type { FieldError } from "../validation/field-error";
import { invalidStatusError } from "../validation/format-field-error";
import type { ClusterCore } from "./cluster-core";
import { GENERATION_KINDS, STATUS_KINDS } from "./cluster-core";
import { copyJson, isJsonObject, type JsonObject } from "./object-json";
import { alreadyExistsError, badRequestError, notFoundError } from "./status-errors";

export interface CreateOptions {
  /** The request's namespace (`kubectl -n`); the object's own namespace wins when both agree. */
  namespace?: string;
  source?: ObjectSource;
  /** Load as cluster state: keep status, uid, timestamps and deletionTimestamp the object carries. */
  asState?: boolean;
}

export interface PreparedCreate {
  object: AnyObject;
  /** Whether the pod's status came with the object and must be honoured. */
  pinStatus: boolean;
}

/** Field errors with the positions of their fields in the learner's text. */
export function locateErrors(errors: FieldError[], source: ObjectSource | undefined): FieldError[] {
  if (!source) return errors;
  return errors.map((e) => (e.position ? e : { ...e, position: source.locate(e.field) }));
}

/**
 * Everything the API server does to a create request before storing it, in its order
 * (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/create.go, pkg/registry/rest/create.go BeforeCreate):
 * the namespace from the request, generateName, the NamespaceLifecycle admission check (`namespaces "x" not
 * found`), admission and validation (admitObject), AlreadyExists from storage, the kind's PrepareForCreate
 * (status reset), system metadata, then Service address allocation. Nothing is stored here; every failure
 * is a StatusError and leaves the cluster as it was.
 */
export function prepareCreate(core: ClusterCore, input: JsonObject, options: CreateOptions): Result<PreparedCreate, StatusError> {
  const kind = input.kind as Kind;
  const info = KIND_INFO[kind];
  const object = copyJson(input);
  const metadata: JsonObject = isJsonObject(object.metadata) ? { ...object.metadata } : {};
  if (isJsonObject(object.metadata) || object.metadata === undefined) object.metadata = metadata;
  if (info.namespaced) {
    const own = typeof metadata.namespace === "string" && metadata.namespace !== "" ? metadata.namespace : undefined;
    if (own && options.namespace && own !== options.namespace) {
      return err(badRequestError("the namespace of the provided object does not match the namespace sent on the request"));
    }
    metadata.namespace = own ?? options.namespace ?? "default";
  } else {
    delete metadata.namespace;
  }
  const namespace = metadata.namespace as string | undefined;
  if (!metadata.name && typeof metadata.generateName === "string" && metadata.generateName !== "") {
    let name: string;
    do name = generateName(metadata.generateName, core.names);
    while (core.store.get(kind, name, namespace));
    metadata.name = name;
  }
  if (!options.asState && metadata.resourceVersion !== undefined && metadata.resourceVersion !== "") {
    return err(badRequestError("resourceVersion should not be set on objects to be created"));
  }
  if (info.namespaced && namespace && !core.store.get("Namespace", namespace)) {
    return err(notFoundError("Namespace", namespace));
  }

  const admitted = admitObject(object, { operation: "create", source: options.source, config: core.config });
  if (!admitted.ok) return admitted;
  const result = copyJson(admitted.value) as JsonObject;
  // `result` is this request's own copy, so its metadata is completed where it is.
  const meta = result.metadata as JsonObject;
  const name = meta.name as string;
  if (core.store.get(kind, name, namespace)) return err(alreadyExistsError(kind, name));

  let pinStatus = false;
  if (kind === "Pod") {
    const prepared = preparePodForCreate(result as { spec?: never });
    pinStatus = Boolean(options.asState && isJsonObject(input.status) && Object.keys(input.status).length > 0);
    result.spec = (prepared as JsonObject).spec;
    result.status = pinStatus ? copyJson(input.status) : (prepared as JsonObject).status;
  } else if (kind === "Namespace") {
    // The namespace strategy and defaults: the immutable name label, the kubernetes finalizer, phase Active
    // (pkg/registry/core/namespace/strategy.go; https://kubernetes.io/docs/reference/labels-annotations-taints/#kubernetes-io-metadata-name).
    meta.labels = { ...(isJsonObject(meta.labels) ? meta.labels : {}), "kubernetes.io/metadata.name": name };
    result.spec = { finalizers: ["kubernetes"] };
    result.status = { phase: "Active" };
  } else if (kind === "Ingress") {
    const spec = isJsonObject(result.spec) ? { ...result.spec } : {};
    const annotations = isJsonObject(meta.annotations) ? meta.annotations : {};
    const defaultClass = spec.ingressClassName || annotations["kubernetes.io/ingress.class"] ? undefined : findDefaultIngressClass(core.store.list("IngressClass"));
    if (defaultClass) spec.ingressClassName = defaultClass.metadata.name;
    result.spec = spec;
    // Loaded as state, an Ingress keeps the address its controller published: for a class whose controller the
    // simulator does not run (a cloud load balancer) nothing else would write it; ingress-nginx rewrites its own.
    const given = options.asState && isJsonObject(input.status) && isJsonObject(input.status.loadBalancer) ? copyJson(input.status) : undefined;
    result.status = given ?? { loadBalancer: {} };
  } else if (kind === "Service") {
    result.status = { loadBalancer: {} };
  } else if (STATUS_KINDS.has(kind) && !(options.asState && kind === "Node")) {
    delete result.status;
  }

  if (kind === "Service") {
    const allocated = allocateServiceAddresses(result as unknown as Service, undefined, core.services);
    if (!allocated.ok) return err(invalidStatusError("Service", name, locateErrors(allocated.error, options.source)));
    Object.assign(result, allocated.value);
  }

  const given = isJsonObject(input.metadata) ? input.metadata : {};
  meta.uid = options.asState && typeof given.uid === "string" && given.uid && !core.store.getByUid(given.uid) ? given.uid : core.newUid();
  meta.creationTimestamp = options.asState && typeof given.creationTimestamp === "string" ? given.creationTimestamp : core.timestamp();
  if (GENERATION_KINDS.has(kind)) meta.generation = 1;
  else delete meta.generation;
  if (!options.asState) {
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
  }
  delete meta.managedFields;
  meta.resourceVersion = core.nextResourceVersion();
  result.metadata = meta;
  return ok({ object: orderFields(result) as unknown as AnyObject, pinStatus });
}

/** apiVersion, kind, metadata first, as the API server serialises objects. */
export function orderFields(object: JsonObject): JsonObject {
  const { apiVersion, kind, metadata, ...rest } = object;
  return { apiVersion, kind, metadata, ...rest };
}
