import type { LabelSelector } from "../selectors/label-selector";
import type { FieldError } from "./field-error";
import { forbidden, invalid, notSupported, required, tooLong } from "./field-errors";
import { isQualifiedName, isValidLabelValue } from "./dns-names";
import { utf8ByteLength } from "../manifest/scan-text";

/**
 * Labels, annotations and label selectors as apimachinery validates them
 * (kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go
 * ValidateLabels / ValidateLabelSelector, and pkg/api/validation/objectmeta.go ValidateAnnotations).
 * Keys and values are reported at the map's path with the offending key or value as the bad value.
 */
export function validateLabelName(name: string, path: string): FieldError[] {
  return isQualifiedName(name).map((msg) => invalid(path, name, msg));
}

export function validateLabels(labels: Readonly<Record<string, string>> | undefined, path: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(labels ?? {})) {
    errors.push(...validateLabelName(key, path));
    for (const msg of isValidLabelValue(value)) errors.push(invalid(path, value, msg));
  }
  return errors;
}

/** TotalAnnotationSizeLimitB: keys and values together may not exceed 256 KiB. */
export const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * 1024;

export function validateAnnotations(annotations: Readonly<Record<string, string>> | undefined, path: string): FieldError[] {
  const errors: FieldError[] = [];
  let size = 0;
  for (const [key, value] of Object.entries(annotations ?? {})) {
    // The rule is QualifiedName except that case does not matter.
    for (const msg of isQualifiedName(key.toLowerCase())) errors.push(invalid(path, key, msg));
    size += utf8ByteLength(key) + utf8ByteLength(value);
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT_B) errors.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT_B));
  return errors;
}

const OPERATORS_WITH_VALUES = new Set(["In", "NotIn"]);
const OPERATORS_WITHOUT_VALUES = new Set(["Exists", "DoesNotExist"]);

export function validateLabelSelector(selector: LabelSelector | undefined, path: string): FieldError[] {
  if (!selector) return [];
  const errors: FieldError[] = [];
  (selector.matchExpressions ?? []).forEach((requirement, i) => {
    const requirementPath = `${path}.matchExpressions[${i}]`;
    const values = requirement.values ?? [];
    if (OPERATORS_WITH_VALUES.has(requirement.operator)) {
      if (values.length === 0) errors.push(required(`${requirementPath}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (OPERATORS_WITHOUT_VALUES.has(requirement.operator)) {
      if (values.length > 0) errors.push(forbidden(`${requirementPath}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else {
      errors.push(invalid(`${requirementPath}.operator`, requirement.operator, "not a valid selector operator"));
    }
    errors.push(...validateLabelName(requirement.key ?? "", `${requirementPath}.key`));
    values.forEach((value, j) => {
      for (const msg of isValidLabelValue(value)) errors.push(invalid(`${requirementPath}.values[${j}]`, value, msg));
    });
  });
  errors.push(...validateLabels(selector.matchLabels, `${path}.matchLabels`));
  return errors;
}

/** Protocol enum shared by Service, container, endpoint and NetworkPolicy ports. */
export function validateProtocol(protocol: string | undefined, path: string, supported: readonly string[]): FieldError[] {
  if (protocol === undefined || protocol === "") return [required(path)];
  return supported.includes(protocol) ? [] : [notSupported(path, protocol, supported)];
}
