import type { IDeployment } from "kubernetes-models/apps/v1/Deployment";
import type { IPodTemplateSpec } from "kubernetes-models/v1/PodTemplateSpec";
import { matchLabelSelector, type LabelSelector } from "../selectors/label-selector";
import type { FieldError } from "./field-error";
import { forbidden, immutable, invalid, notSupported, required } from "./field-errors";
import { goLiteral, goQuote } from "./format-field-error";
import { nameIsDNSSubdomain, regexError } from "./dns-names";
import { validateLabelSelector, validateLabels, validateAnnotations } from "./validate-labels";
import { validateObjectMeta, validateObjectMetaUpdate } from "./validate-object-meta";
import { validatePodSpec } from "./validate-pod";
import { isSemanticallyEqual } from "./is-semantically-equal";

/**
 * ValidateDeployment (kubernetes/kubernetes pkg/apis/apps/validation/validation.go): selector required,
 * non-empty and matching the template's labels, template restartPolicy Always, strategy and counters.
 */
export function validateDeployment(deployment: IDeployment): FieldError[] {
  const errors = validateObjectMeta(deployment.metadata, nameIsDNSSubdomain);
  const spec = deployment.spec;
  const nonNegative = (value: number | undefined, path: string) => {
    if (value !== undefined && value < 0) errors.push(invalid(path, value, "must be greater than or equal to 0"));
  };
  nonNegative(spec?.replicas, "spec.replicas");
  const selector = spec?.selector as LabelSelector | undefined;
  if (!selector) errors.push(required("spec.selector"));
  else {
    errors.push(...validateLabelSelector(selector, "spec.selector"));
    if (Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions?.length ?? 0) === 0) {
      errors.push(invalid("spec.selector", goLiteral("v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}"), "empty selector is invalid for deployment"));
    }
  }
  errors.push(...validatePodTemplateForReplicaSet(spec?.template, selector, "spec.template"));
  errors.push(...validateStrategy(spec?.strategy));
  nonNegative(spec?.minReadySeconds, "spec.minReadySeconds");
  nonNegative(spec?.revisionHistoryLimit, "spec.revisionHistoryLimit");
  if (spec?.progressDeadlineSeconds !== undefined) {
    nonNegative(spec.progressDeadlineSeconds, "spec.progressDeadlineSeconds");
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      errors.push(invalid("spec.progressDeadlineSeconds", spec.progressDeadlineSeconds, "must be greater than minReadySeconds"));
    }
  }
  return errors;
}

/** ValidatePodTemplateSpecForReplicaSet, shared with ReplicaSet. */
export function validatePodTemplateForReplicaSet(template: IPodTemplateSpec | undefined, selector: LabelSelector | undefined, path: string): FieldError[] {
  if (!template) return [required(path)];
  const errors: FieldError[] = [];
  const labels = template.metadata?.labels ?? {};
  const selectorIsEmpty = !selector || Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions?.length ?? 0) === 0;
  if (!selectorIsEmpty && selector && !matchLabelSelector(selector, labels)) {
    errors.push(invalid(`${path}.metadata.labels`, labels, "`selector` does not match template `labels`"));
  }
  errors.push(...validateLabels(template.metadata?.labels, `${path}.metadata.labels`));
  errors.push(...validateAnnotations(template.metadata?.annotations, `${path}.metadata.annotations`));
  errors.push(...validatePodSpec(template.spec, `${path}.spec`));
  const restartPolicy = template.spec?.restartPolicy;
  if (restartPolicy !== "Always") errors.push(notSupported(`${path}.spec.restartPolicy`, restartPolicy ?? "", ["Always"]));
  if (template.spec?.activeDeadlineSeconds !== undefined) {
    errors.push(forbidden(`${path}.spec.activeDeadlineSeconds`, "activeDeadlineSeconds in ReplicaSet is not Supported"));
  }
  return errors;
}

function validateStrategy(strategy: NonNullable<IDeployment["spec"]>["strategy"]): FieldError[] {
  const errors: FieldError[] = [];
  const type = strategy?.type;
  if (type === "Recreate") {
    if (strategy?.rollingUpdate) errors.push(forbidden("spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'"));
  } else if (type === "RollingUpdate") {
    const rollingUpdate = strategy?.rollingUpdate;
    if (!rollingUpdate) errors.push(required("spec.strategy.rollingUpdate", "this should be defaulted and never be nil"));
    else {
      errors.push(...validateIntOrPercent(rollingUpdate.maxUnavailable, "spec.strategy.rollingUpdate.maxUnavailable"));
      errors.push(...validateIntOrPercent(rollingUpdate.maxSurge, "spec.strategy.rollingUpdate.maxSurge"));
      if (isZero(rollingUpdate.maxUnavailable) && isZero(rollingUpdate.maxSurge)) {
        errors.push(invalid("spec.strategy.rollingUpdate.maxUnavailable", rollingUpdate.maxUnavailable, "may not be 0 when `maxSurge` is 0"));
      }
      if (typeof rollingUpdate.maxUnavailable === "string" && parseInt(rollingUpdate.maxUnavailable, 10) > 100) {
        errors.push(invalid("spec.strategy.rollingUpdate.maxUnavailable", rollingUpdate.maxUnavailable, "must not be greater than 100%"));
      }
    }
  } else {
    errors.push(notSupported("spec.strategy", goLiteral(`apps.DeploymentStrategy{Type:"${type ?? ""}", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}`), ["Recreate", "RollingUpdate"]));
  }
  return errors;
}

const isZero = (value: number | string | undefined) => value === 0 || value === "0%" || value === undefined;

/** ValidatePositiveIntOrPercent. */
function validateIntOrPercent(value: number | string | undefined, path: string): FieldError[] {
  if (value === undefined) return [];
  if (typeof value === "string") {
    if (!/^[0-9]+%$/.test(value)) {
      return [invalid(path, value, regexError("a valid percent string must be a numeric string followed by an ending '%'", "[0-9]+%", "1%", "93%"))];
    }
    return [];
  }
  return value < 0 ? [invalid(path, value, "must be greater than or equal to 0")] : [];
}

/**
 * ValidateDeploymentUpdate, then the strategy's check that apps/v1 never changes spec.selector
 * (pkg/registry/apps/deployment/strategy.go ValidateUpdate), which comes last.
 */
export function validateDeploymentUpdate(deployment: IDeployment, old: IDeployment): FieldError[] {
  const errors = [...validateObjectMetaUpdate(deployment.metadata, old.metadata), ...validateDeployment(deployment)];
  if (!isSemanticallyEqual(deployment.spec?.selector ?? null, old.spec?.selector ?? null)) {
    errors.push(immutable("spec.selector", goLiteral(formatLabelSelectorGo(deployment.spec?.selector as LabelSelector | undefined))));
  }
  return errors;
}

/** The selector as Go's %#v prints a metav1.LabelSelector (map keys sorted). */
export function formatLabelSelectorGo(selector: LabelSelector | undefined): string {
  const labels = Object.entries(selector?.matchLabels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${goQuote(k)}:${goQuote(v)}`);
  const matchLabels = labels.length > 0 ? `map[string]string{${labels.join(", ")}}` : "map[string]string(nil)";
  return `v1.LabelSelector{MatchLabels:${matchLabels}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`;
}
