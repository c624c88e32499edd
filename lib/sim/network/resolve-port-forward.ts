import type { IServicePort } from "kubernetes-models/v1/ServicePort";
import type { ClusterState } from "../cluster-state";
import { describeListeners, findListener } from "../images/find-listener";
import type { Pod } from "../objects/kinds";
import { err, ok, type Result } from "../result";
import { matchLabelSelector, matchMapSelector } from "../selectors/label-selector";
import { isPodReady } from "./pod-network";
import type { TraceHop } from "./trace";

export interface PortForwardRequest {
  namespace: string;
  /** `svc/x`, `service/x`, `pod/x`, `x` (a pod), `deployment/x`, `deploy/x`. */
  target: string;
  /** The port on the right of `LOCAL:REMOTE`: a Service port for svc/, a container port otherwise. */
  remotePort: number;
}

export interface PortForwardTarget {
  pod: Pod;
  /** The port inside the pod that kubectl forwards to (`Forwarding from 127.0.0.1:8080 -> 3000`). */
  containerPort: number;
  /** Whether something listens there; if not, each forwarded connection fails when it is made. */
  listening: boolean;
  hops: TraceHop[];
}

const KINDS: ReadonlyMap<string, "Service" | "Pod" | "Deployment"> = new Map(Object.entries({
  svc: "Service", service: "Service", services: "Service",
  po: "Pod", pod: "Pod", pods: "Pod",
  deploy: "Deployment", deployment: "Deployment", deployments: "Deployment", "deployment.apps": "Deployment", "deployments.apps": "Deployment",
} as const));

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * The pod kubectl attaches to for a Service or Deployment: the "most active" one matching its selector
 * (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/attachablepodforobject.go GetFirstPod sorted by
 * sort.Reverse(podutils.ActivePods)): scheduled before unscheduled, Running before Pending, Ready before not,
 * fewer restarts, then older.
 */
function pickMostActive(pods: readonly Pod[]): Pod | undefined {
  const restarts = (p: Pod) => (p.status?.containerStatuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0);
  return [...pods].sort(
    (a, b) =>
      Number(!!b.spec?.nodeName) - Number(!!a.spec?.nodeName) ||
      (PHASE_RANK[b.status?.phase ?? "Pending"] ?? 0) - (PHASE_RANK[a.status?.phase ?? "Pending"] ?? 0) ||
      Number(isPodReady(b)) - Number(isPodReady(a)) ||
      restarts(a) - restarts(b) ||
      a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp) ||
      a.metadata.name.localeCompare(b.metadata.name),
  )[0];
}

/**
 * kubectl port-forward's translation (staging/src/k8s.io/kubectl/pkg/cmd/portforward/portforward.go
 * translateServicePortToTargetPort): the remote port must be one of the Service's ports; a numeric targetPort
 * is used as is, a named one is looked up among the chosen pod's containerPorts.
 */
function translateServicePort(servicePort: IServicePort, pod: Pod): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === "number") return target === 0 ? servicePort.port : target;
  for (const container of pod.spec?.containers ?? []) {
    const port = (container.ports ?? []).find((p) => p.name === target);
    if (port) return port.containerPort;
  }
  return undefined;
}

/**
 * Which pod and port `kubectl port-forward TARGET LOCAL:REMOTE` reaches, with kubectl's errors. The stream
 * goes through the API server and kubelet into the pod's network namespace and connects to localhost there,
 * so neither kube-proxy nor NetworkPolicy is involved
 * (https://kubernetes.io/docs/tasks/access-application-cluster/port-forward-access-application-cluster/).
 */
export function resolvePortForward(state: ClusterState, request: PortForwardRequest): Result<PortForwardTarget, { message: string }> {
  const [kindText, name] = request.target.includes("/") ? request.target.split("/", 2) : ["pod", request.target];
  const kind = KINDS.get(kindText.toLowerCase());
  if (!kind || !name) return err({ message: `error: invalid resource name ${JSON.stringify(request.target)}` });
  const hops: TraceHop[] = [];
  let pod: Pod | undefined;
  let containerPort = request.remotePort;
  if (kind === "Pod") {
    pod = state.get("Pod", name, request.namespace);
    if (!pod) return err({ message: `Error from server (NotFound): pods "${name}" not found` });
  } else if (kind === "Service") {
    const service = state.get("Service", name, request.namespace);
    if (!service) return err({ message: `Error from server (NotFound): services "${name}" not found` });
    const selector = service.spec?.selector ?? {};
    const pods = Object.keys(selector).length === 0 ? [] : state.list("Pod", request.namespace).filter((p) => matchMapSelector(selector, p.metadata.labels));
    pod = pickMostActive(pods);
    if (!pod) return err({ message: "error: timed out waiting for the condition" });
    const servicePort = (service.spec?.ports ?? []).find((p) => p.port === request.remotePort && (p.protocol ?? "TCP") === "TCP");
    if (!servicePort) return err({ message: `error: Service ${name} does not have a service port ${request.remotePort}` });
    const translated = translateServicePort(servicePort, pod);
    if (translated === undefined) return err({ message: `error: Pod ${pod.metadata.name} does not have a named port '${String(servicePort.targetPort)}'` });
    containerPort = translated;
    hops.push({ kind: "service", outcome: "pass", object: { kind: "Service", name, namespace: request.namespace }, summary: `service/${name} port ${request.remotePort} → targetPort ${containerPort} on pod ${pod.metadata.name} (picked from its selector; port-forward bypasses kube-proxy)` });
  } else {
    const deployment = state.get("Deployment", name, request.namespace);
    if (!deployment) return err({ message: `Error from server (NotFound): deployments.apps "${name}" not found` });
    const selector = deployment.spec?.selector;
    pod = selector ? pickMostActive(state.list("Pod", request.namespace).filter((p) => matchLabelSelector(selector, p.metadata.labels))) : undefined;
    if (!pod) return err({ message: "error: timed out waiting for the condition" });
  }
  if (pod.status?.phase !== "Running") {
    return err({ message: `error: unable to forward port because pod is not running. Current status=${pod.status?.phase ?? "Pending"}` });
  }
  const listener = findListener(pod, containerPort, "TCP");
  hops.push({
    kind: "container",
    outcome: listener ? "pass" : "fail",
    object: { kind: "Pod", name: pod.metadata.name, namespace: pod.metadata.namespace },
    summary: listener
      ? `container ${listener.container.name} listens on ${containerPort} in pod ${pod.metadata.name}; NetworkPolicy does not apply to port-forward`
      : `nothing listens on ${containerPort} in pod ${pod.metadata.name} (${describeListeners(pod)}): each forwarded connection fails with "connection refused"`,
  });
  return ok({ pod, containerPort, listening: !!listener, hops });
}
