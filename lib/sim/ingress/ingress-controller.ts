import type { IContainer } from "kubernetes-models/v1/Container";
import type { ClusterState } from "../cluster-state";
import type { Pod } from "../objects/kinds";
import { findKnownImage } from "../images/known-images";
import { memoByListing, memoOf, memoSlot, type ListingEntry } from "../state-memo";

/**
 * One ingress-nginx installation, identified the way the controller identifies itself: by the flags its
 * container runs with (kubernetes/ingress-nginx docs/user-guide/cli-arguments.md). The defaults are those of
 * the project's deploy manifests (deploy/static/provider/cloud/deploy.yaml): `--controller-class=k8s.io/ingress-nginx`,
 * `--ingress-class=nginx`, Ingresses without a class ignored.
 */
export interface IngressControllerRef {
  /** Namespace the controller pods run in (`ingress-nginx`). */
  namespace: string;
  /** `--controller-class`: the IngressClass spec.controller value this controller satisfies. */
  controllerClass: string;
  /** `--ingress-class`: the value of the deprecated `kubernetes.io/ingress.class` annotation it claims. */
  annotationValue: string;
  /** `--watch-ingress-without-class` (default false). */
  watchIngressWithoutClass: boolean;
  /** `--publish-service`: the Service clients reach the controller through (`ingress-nginx/ingress-nginx-controller`). */
  publishService?: { namespace: string; name: string };
  /** `--default-backend-service`; without it the controller's own default server answers 404. */
  defaultBackendService?: { namespace: string; name: string };
}

export interface IngressController {
  ref: IngressControllerRef;
  /** Its pods, sorted by name; not all of them need be ready. */
  pods: Pod[];
}

/** kubernetes/ingress-nginx internal/ingress/controller/ingressclass/ingressclass.go */
export const DEFAULT_CONTROLLER_CLASS = "k8s.io/ingress-nginx";
export const DEFAULT_ANNOTATION_VALUE = "nginx";

const CONTROLLER_IMAGE = "registry.k8s.io/ingress-nginx/controller";

function isControllerContainer(container: IContainer): boolean {
  const words = [...(container.command ?? []), ...(container.args ?? [])];
  return findKnownImage(container.image)?.name === CONTROLLER_IMAGE || words.includes("/nginx-ingress-controller");
}

/**
 * Go's flag package (pflag): `--name=value` and `--name value`; a bare boolean flag means true and takes no
 * value; a flag given twice keeps its last value.
 */
function readFlag(words: readonly string[], name: string, isBoolean = false): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < words.length; i++) {
    if (!words[i].startsWith("-")) continue;
    const word = words[i].replace(/^--?/, "");
    if (word.startsWith(`${name}=`)) value = word.slice(name.length + 1);
    else if (word === name) value = isBoolean ? "true" : words[i + 1];
  }
  return value;
}

function parseNamespacedName(value: string | undefined, podNamespace: string): { namespace: string; name: string } | undefined {
  if (!value) return undefined;
  const expanded = value.replace(/\$\(POD_NAMESPACE\)/g, podNamespace);
  const [namespace, name] = expanded.includes("/") ? expanded.split("/", 2) : [podNamespace, expanded];
  return namespace && name ? { namespace, name } : undefined;
}

/** The controller a pod runs, if it runs ingress-nginx. */
export function resolveControllerOfPod(pod: Pod): IngressControllerRef | undefined {
  const container = (pod.spec?.containers ?? []).find(isControllerContainer);
  if (!container) return undefined;
  const words = [...(container.command ?? []), ...(container.args ?? [])];
  const namespace = pod.metadata.namespace ?? "default";
  return {
    namespace,
    controllerClass: readFlag(words, "controller-class") ?? DEFAULT_CONTROLLER_CLASS,
    annotationValue: readFlag(words, "ingress-class") ?? DEFAULT_ANNOTATION_VALUE,
    watchIngressWithoutClass: /^(true|1|t)$/i.test(readFlag(words, "watch-ingress-without-class", true) ?? "false"),
    publishService: parseNamespacedName(readFlag(words, "publish-service"), namespace),
    defaultBackendService: parseNamespacedName(readFlag(words, "default-backend-service"), namespace),
  };
}

function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
}

/**
 * Every ingress-nginx installation in the cluster: pods that run the controller image (or its
 * `/nginx-ingress-controller` entrypoint), grouped by namespace and controller class, as each such group
 * shares one leader election and one configuration.
 */
export function listIngressControllers(state: ClusterState): readonly IngressController[] {
  return memoByListing(memoOf(state, CONTROLLERS), "", state.list("Pod"), groupControllers);
}

/**
 * Every request through an Ingress asks which controller serves it; the answer changes only with the Pod
 * listing, an immutable snapshot until the next Pod write, so it is kept by the state (state-memo.ts).
 */
const CONTROLLERS = memoSlot(() => new Map<string, ListingEntry<readonly Pod[], readonly IngressController[]>>());

function groupControllers(pods: readonly Pod[]): IngressController[] {
  const byKey = new Map<string, IngressController>();
  for (const pod of pods) {
    if (isTerminal(pod)) continue;
    const ref = resolveControllerOfPod(pod);
    if (!ref) continue;
    const key = `${ref.namespace}/${ref.controllerClass}`;
    const entry = byKey.get(key);
    if (entry) entry.pods.push(pod);
    else byKey.set(key, { ref, pods: [pod] });
  }
  return [...byKey.values()].sort((a, b) => `${a.ref.namespace}/${a.ref.controllerClass}`.localeCompare(`${b.ref.namespace}/${b.ref.controllerClass}`));
}

export function formatControllerRef(ref: IngressControllerRef): string {
  return `the ingress-nginx controller in namespace ${ref.namespace} (--controller-class=${ref.controllerClass})`;
}
