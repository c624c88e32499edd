import type { StatusError } from "../api/status-error";
import { allocateServiceAddresses, patchAllocatedValues } from "../alloc/allocate-service-addresses";
import { dropTypeDependentFields } from "../alloc/drop-type-dependent-fields";
import { normalizeClusterIPs } from "../alloc/normalize-cluster-ips";
import { KIND_INFO, type AnyObject, type Kind, type Service } from "../objects/kinds";
import { err, ok, type Result } from "../result";
import type { ObjectSource } from "../source";
import { admitObject } from "../validation/admit-object";
import { invalidStatusError } from "../validation/format-field-error";
import type { ClusterCore } from "./cluster-core";
import { GENERATION_KINDS, STATUS_KINDS } from "./cluster-core";
import { copyJson, isJsonObject, isSameJson, isSameObject, type JsonObject } from "./object-json";
import { locateErrors, orderFields } from "./prepare-create";
import { badRequestError, conflictError } from "./status-errors";

export interface UpdateOptions {
  namespace?: string;
  source?: ObjectSource;
}

export interface PreparedUpdate {
  object: AnyObject;
  changed: boolean;
}

/** Everything but metadata and status: what a change to bumps metadata.generation. */
function desiredState(object: JsonObject): JsonObject {
  const { metadata: _m, status: _s, ...rest } = object;
  return rest;
}

/**
 * An update as the API server performs it (staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go
 * Update, pkg/registry/rest/update.go BeforeUpdate): a stale resourceVersion is a Conflict; a Service keeps
 * its allocated ClusterIP and node ports when the request leaves them out (BeginUpdate
 * patchAllocatedValues); admission and validation, including immutable fields, see the old object; uid,
 * creationTimestamp and (for kinds with a status subresource) status are kept from the stored object;
 * generation moves when the desired state changes; an update that changes nothing stores nothing.
 */
export function prepareUpdate(core: ClusterCore, input: JsonObject, live: AnyObject, options: UpdateOptions): Result<PreparedUpdate, StatusError> {
  const kind = live.kind as Kind;
  let object = copyJson(input);
  const metadata: JsonObject = isJsonObject(object.metadata) ? { ...object.metadata } : {};
  object.metadata = metadata;
  if (KIND_INFO[kind].namespaced) {
    const own = typeof metadata.namespace === "string" && metadata.namespace !== "" ? metadata.namespace : undefined;
    if (own && options.namespace && own !== options.namespace) {
      return err(badRequestError("the namespace of the provided object does not match the namespace sent on the request"));
    }
    metadata.namespace = live.metadata.namespace;
  } else {
    delete metadata.namespace;
  }
  if (typeof metadata.resourceVersion === "string" && metadata.resourceVersion !== "" && metadata.resourceVersion !== live.metadata.resourceVersion) {
    return err(conflictError(kind, live.metadata.name));
  }
  if (kind === "Service") {
    object = patchAllocatedValues(object as unknown as Service, live as Service) as unknown as JsonObject;
    object = normalizeClusterIPs(object as unknown as Service, live as Service) as unknown as JsonObject;
    object = dropTypeDependentFields(object as unknown as Service, live as Service) as unknown as JsonObject;
  }

  const admitted = admitObject(object, { operation: "update", old: live, source: options.source, config: core.config });
  if (!admitted.ok) return admitted;
  const result = copyJson(admitted.value) as JsonObject;
  // `result` is this request's own copy, so its metadata is completed where it is.
  const meta = result.metadata as JsonObject;
  meta.uid = live.metadata.uid;
  meta.creationTimestamp = live.metadata.creationTimestamp;
  meta.namespace = live.metadata.namespace;
  if (live.metadata.deletionTimestamp) meta.deletionTimestamp = live.metadata.deletionTimestamp;
  else delete meta.deletionTimestamp;
  delete meta.managedFields;
  if (kind === "Namespace") {
    meta.labels = { ...(isJsonObject(meta.labels) ? meta.labels : {}), "kubernetes.io/metadata.name": live.metadata.name };
  }
  if (STATUS_KINDS.has(kind)) {
    const liveStatus = (live as { status?: unknown }).status;
    if (liveStatus === undefined) delete result.status;
    else result.status = liveStatus;
  }
  if (GENERATION_KINDS.has(kind)) {
    const previous = live.metadata.generation ?? 1;
    meta.generation = isSameJson(desiredState(result), desiredState(live as unknown as JsonObject)) ? previous : previous + 1;
  } else {
    delete meta.generation;
  }
  meta.resourceVersion = live.metadata.resourceVersion;
  result.metadata = meta;

  if (kind === "Service") {
    const allocated = allocateServiceAddresses(result as unknown as Service, live as Service, core.services);
    if (!allocated.ok) return err(invalidStatusError("Service", live.metadata.name, locateErrors(allocated.error, options.source)));
    Object.assign(result, allocated.value);
  }
  const ordered = orderFields(result);
  if (isSameObject(ordered, live)) return ok({ object: live, changed: false });
  (ordered.metadata as JsonObject).resourceVersion = core.nextResourceVersion();
  return ok({ object: ordered as unknown as AnyObject, changed: true });
}
