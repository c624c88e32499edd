import { Namespace } from "kubernetes-models/v1/Namespace";
import { Node } from "kubernetes-models/v1/Node";
import { Pod } from "kubernetes-models/v1/Pod";
import { Service } from "kubernetes-models/v1/Service";
import { Endpoints } from "kubernetes-models/v1/Endpoints";
import { Secret } from "kubernetes-models/v1/Secret";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { ReplicaSet } from "kubernetes-models/apps/v1/ReplicaSet";
import { EndpointSlice } from "kubernetes-models/discovery.k8s.io/v1/EndpointSlice";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import { IngressClass } from "kubernetes-models/networking.k8s.io/v1/IngressClass";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import type { Kind } from "../objects/kinds";
import type { FieldError } from "./field-error";
import { notSupported, required } from "./field-errors";

type ValidateMethod = (this: unknown) => void;

/**
 * kubernetes-models' precompiled ajv validators, one per kind (built from the Kubernetes OpenAPI document;
 * nothing is compiled at run time). Called as `Model.prototype.validate` on the plain object so nothing is
 * copied; cert-manager kinds have no OpenAPI schema here and are checked by validate-cert-manager.ts.
 */
const VALIDATORS: Partial<Record<Kind, ValidateMethod>> = {
  Namespace: Namespace.prototype.validate,
  Node: Node.prototype.validate,
  Pod: Pod.prototype.validate,
  Service: Service.prototype.validate,
  Endpoints: Endpoints.prototype.validate,
  Secret: Secret.prototype.validate,
  ConfigMap: ConfigMap.prototype.validate,
  Deployment: Deployment.prototype.validate,
  ReplicaSet: ReplicaSet.prototype.validate,
  EndpointSlice: EndpointSlice.prototype.validate,
  Ingress: Ingress.prototype.validate,
  IngressClass: IngressClass.prototype.validate,
  NetworkPolicy: NetworkPolicy.prototype.validate,
};

interface AjvError {
  instancePath: string;
  keyword: string;
  params: { missingProperty?: string; allowedValues?: unknown[] };
}

/**
 * Fields the OpenAPI document marks required but the API server accepts when absent, because Go decodes
 * them to a zero value that validation allows: an omitted NetworkPolicy podSelector is the empty selector
 * (kubernetes/kubernetes pkg/apis/networking/types.go: "An empty podSelector selects all pods"), and an
 * EndpointSlice may list no endpoints (pkg/apis/discovery/validation/validation.go checks only their number).
 */
const DEFAULTED_REQUIRED: ReadonlySet<string> = new Set(["spec.podSelector", "endpoints"]);

/** `/spec/ports/0` → `spec.ports[0]`. */
function toFieldPath(instancePath: string): string {
  let out = "";
  for (const raw of instancePath.split("/").slice(1)) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (/^\d+$/.test(segment)) out += `[${segment}]`;
    else out += out === "" ? segment : `.${segment}`;
  }
  return out;
}

function valueAt(object: unknown, instancePath: string): unknown {
  let current = object;
  for (const raw of instancePath.split("/").slice(1)) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[raw.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return current;
}

/**
 * Required fields and enumerations from the OpenAPI schema, as FieldErrors. Type mismatches are left to
 * decodeStrict, which words them as the API server's decoder does.
 */
export function validateSchema(kind: Kind, object: Record<string, unknown>): FieldError[] {
  const validate = VALIDATORS[kind];
  if (!validate) return [];
  let ajvErrors: AjvError[] = [];
  try {
    validate.call(object);
    return [];
  } catch (error) {
    const list = (error as { errors?: unknown }).errors;
    if (Array.isArray(list)) ajvErrors = list as AjvError[];
  }
  const errors: FieldError[] = [];
  for (const e of ajvErrors) {
    if (e.keyword === "required" && e.params.missingProperty) {
      const parent = toFieldPath(e.instancePath);
      const field = parent === "" ? e.params.missingProperty : `${parent}.${e.params.missingProperty}`;
      if (!DEFAULTED_REQUIRED.has(field)) errors.push(required(field));
    } else if (e.keyword === "enum" && Array.isArray(e.params.allowedValues)) {
      errors.push(notSupported(toFieldPath(e.instancePath), valueAt(object, e.instancePath), e.params.allowedValues.map(String)));
    }
  }
  return errors;
}
