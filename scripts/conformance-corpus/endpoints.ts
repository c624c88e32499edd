import { namespace, pod, type Case, type Manifest, type PodOptions, type Query } from "./corpus-types";

const CONTROLLER = "kubernetes/kubernetes pkg/controller/endpoint/endpoints_controller.go";
const SHOULD_BE_IN = "kubernetes/kubernetes staging/src/k8s.io/endpointslice/util/controller_utils.go#ShouldPodBeInEndpoints";
const FIND_PORT = "kubernetes/kubernetes pkg/api/v1/pod/util.go#FindPort";
const SERVICE_DOCS = "kubernetes/website content/en/docs/concepts/services-networking/service.md";

type Address = { ip: string; port: number };

function service(name: string, ns: string, spec: Record<string, unknown>): Manifest {
  return { apiVersion: "v1", kind: "Service", metadata: { name, namespace: ns }, spec };
}

function endpoints(service: string, expect: Address[], options: { servicePort?: string; notReady?: Address[]; note?: string } = {}): Query {
  return {
    type: "endpoints",
    service,
    ...(options.servicePort ? { servicePort: options.servicePort } : {}),
    expect,
    ...(options.notReady ? { expectNotReady: options.notReady } : {}),
    ...(options.note ? { note: options.note } : {}),
  };
}

const app = (ns: string, name: string, ip: string, labels: Record<string, string>, extra: Partial<PodOptions> = {}) =>
  pod({ namespace: ns, name, ip, labels, ports: [{ name: "http", containerPort: 9376, protocol: "TCP" }], ...extra });

const SERVICE_E2E = "kubernetes/kubernetes test/e2e/network/service.go";

/**
 * The conformance tests "should serve a basic endpoint from pods" and "should serve multiport endpoints from
 * pods" check the Endpoints after each pod is created and deleted; each checkpoint is one snapshot here.
 */
function e2eCheckpoints(): Case[] {
  const labels = { foo: "bar" };
  const pod1 = { ip: "10.244.1.51", port: 80 };
  const pod2 = { ip: "10.244.2.51", port: 80 };
  const basicPod = (name: string, ip: string) => pod({ namespace: "default", name, ip, labels, ports: [{ containerPort: 80 }] });
  const basicService = service("endpoint-test2", "default", { selector: labels, ports: [{ port: 80, targetPort: 80 }] });
  const basicSteps: [string, Manifest[], Address[]][] = [
    ["no pods", [], []],
    ["pod1 created", [basicPod("pod1", pod1.ip)], [pod1]],
    ["pod2 created", [basicPod("pod1", pod1.ip), basicPod("pod2", pod2.ip)], [pod1, pod2]],
    ["pod1 deleted", [basicPod("pod2", pod2.ip)], [pod2]],
  ];
  const basic = basicSteps.map(([step, pods, expect], i): Case => ({
    id: `endpoints-e2e-basic-${i + 1}`,
    source: `${SERVICE_E2E} — ConformanceIt("should serve a basic endpoint from pods"): "validateEndpointsPortsOrFail ... PortsByPodName{name1: {80}, name2: {80}}"`,
    description: `Basic endpoint test, checkpoint after: ${step}.`,
    manifests: [...pods, basicService],
    queries: [endpoints("default/endpoint-test2", expect)],
  }));

  const multiService = service("multi-endpoint-test", "default", {
    selector: labels,
    ports: [
      { name: "portname1", port: 80, targetPort: "svc1" },
      { name: "portname2", port: 81, targetPort: "svc2" },
    ],
  });
  const m1 = pod({ namespace: "default", name: "pod1", ip: "10.244.1.52", labels, ports: [{ name: "svc1", containerPort: 100 }] });
  const m2 = pod({ namespace: "default", name: "pod2", ip: "10.244.2.52", labels, ports: [{ name: "svc2", containerPort: 101 }] });
  const at100 = { ip: "10.244.1.52", port: 100 };
  const at101 = { ip: "10.244.2.52", port: 101 };
  const multiSteps: [string, Manifest[], Address[], Address[]][] = [
    ["no pods", [], [], []],
    ["pod1 created", [m1], [at100], []],
    ["pod2 created", [m1, m2], [at100], [at101]],
    ["pod1 deleted", [m2], [], [at101]],
  ];
  const multi = multiSteps.map(([step, pods, port1, port2], i): Case => ({
    id: `endpoints-e2e-multiport-${i + 1}`,
    source: `${SERVICE_E2E} — ConformanceIt("should serve multiport endpoints from pods"): "Add a Pod to the first port, service MUST list one endpoint for the Pod on that port. Add another Pod to the second port, service MUST list both the endpoints."`,
    description: `Multiport endpoint test (named targetPorts svc1 → 100, svc2 → 101), checkpoint after: ${step}.`,
    manifests: [...pods, multiService],
    queries: [
      endpoints("default/multi-endpoint-test", port1, { servicePort: "portname1" }),
      endpoints("default/multi-endpoint-test", port2, { servicePort: "portname2" }),
      endpoints("default/multi-endpoint-test", [...port1, ...port2]),
    ],
  }));
  return [...basic, ...multi];
}

export function buildEndpointsCases(): Case[] {
  return [...e2eCheckpoints(), ...documentedCases()];
}

function documentedCases(): Case[] {
  const myApp = { "app.kubernetes.io/name": "MyApp" };
  return [
    {
      id: "endpoints-docs-defining-a-service",
      source: `${SERVICE_DOCS}#defining-a-service — "Applying this manifest creates a new Service named my-service ... which targets TCP port 9376 on any Pod with the app.kubernetes.io/name: MyApp label."`,
      description: "Every ready pod matching the selector, at targetPort 9376.",
      manifests: [

        app("default", "myapp-1", "10.244.1.11", myApp),
        app("default", "myapp-2", "10.244.2.11", myApp),
        app("default", "myapp-3", "10.244.1.12", myApp),
        app("default", "other", "10.244.2.12", { "app.kubernetes.io/name": "Other" }),
        service("my-service", "default", { selector: myApp, ports: [{ protocol: "TCP", port: 80, targetPort: 9376 }] }),
      ],
      queries: [
        endpoints("default/my-service", [
          { ip: "10.244.1.11", port: 9376 },
          { ip: "10.244.2.11", port: 9376 },
          { ip: "10.244.1.12", port: 9376 },
        ]),
      ],
    },
    {
      id: "endpoints-docs-named-target-port",
      source: `${SERVICE_DOCS}#field-spec-ports — "Port definitions in Pods have names, and you can reference these names in the targetPort attribute of a Service. ... This works even if there is a mixture of Pods in the Service using a single configured name, with the same network protocol available via different port numbers."; ${FIND_PORT} — "If the targetPort is a string, look that string up in all named ports in all containers in the target pod. If no match is found, fail."`,
      description: "A named targetPort resolves per pod; a pod without that name (or with it on another protocol) is left out.",
      manifests: [

        pod({ namespace: "default", name: "web-80", ip: "10.244.1.21", labels: { app: "web" }, ports: [{ name: "http-web-svc", containerPort: 80, protocol: "TCP" }] }),
        pod({ namespace: "default", name: "web-8080", ip: "10.244.2.21", labels: { app: "web" }, ports: [{ name: "http-web-svc", containerPort: 8080, protocol: "TCP" }] }),
        pod({ namespace: "default", name: "web-unnamed", ip: "10.244.1.22", labels: { app: "web" }, ports: [{ containerPort: 80, protocol: "TCP" }] }),
        pod({ namespace: "default", name: "web-udp", ip: "10.244.2.22", labels: { app: "web" }, ports: [{ name: "http-web-svc", containerPort: 80, protocol: "UDP" }] }),
        service("nginx-service", "default", { selector: { app: "web" }, ports: [{ name: "name-of-service-port", protocol: "TCP", port: 80, targetPort: "http-web-svc" }] }),
      ],
      queries: [
        endpoints("default/nginx-service", [
          { ip: "10.244.1.21", port: 80 },
          { ip: "10.244.2.21", port: 8080 },
        ]),
        endpoints("default/nginx-service", [{ ip: "10.244.1.21", port: 80 }, { ip: "10.244.2.21", port: 8080 }], { servicePort: "name-of-service-port" }),
      ],
    },
    {
      id: "endpoints-controller-not-ready",
      source: `${CONTROLLER}#addEndpointSubset — "if tolerateUnreadyEndpoints || podutil.IsPodReady(pod) { ... Addresses ... } else { // if it is not a ready address it has to be not ready ... NotReadyAddresses"`,
      description: "A pod whose Ready condition is False is listed under notReadyAddresses.",
      manifests: [

        app("default", "ready", "10.244.1.31", { app: "api" }),
        app("default", "starting", "10.244.2.31", { app: "api" }, { ready: false }),
        service("api", "default", { selector: { app: "api" }, ports: [{ port: 80, targetPort: 9376 }] }),
      ],
      queries: [endpoints("default/api", [{ ip: "10.244.1.31", port: 9376 }], { notReady: [{ ip: "10.244.2.31", port: 9376 }] })],
    },
    {
      id: "endpoints-controller-publish-not-ready",
      source: `${CONTROLLER}#syncService — "addEndpointSubset(logger, subsets, pod, epa, epp, service.Spec.PublishNotReadyAddresses)"; ${SERVICE_DOCS} publishNotReadyAddresses — "indicates that any agent which deals with endpoints for this Service should disregard any indications of ready/not-ready"`,
      description: "publishNotReadyAddresses: true puts not-ready pods among the ready addresses.",
      manifests: [

        app("default", "ready", "10.244.1.32", { app: "db" }),
        app("default", "starting", "10.244.2.32", { app: "db" }, { ready: false }),
        service("db", "default", { clusterIP: "None", publishNotReadyAddresses: true, selector: { app: "db" }, ports: [{ name: "tcp", port: 9376 }] }),
      ],
      queries: [
        endpoints(
          "default/db",
          [
            { ip: "10.244.1.32", port: 9376 },
            { ip: "10.244.2.32", port: 9376 },
          ],
          { notReady: [] },
        ),
      ],
    },
    {
      id: "endpoints-controller-terminating",
      source: `${SHOULD_BE_IN} — "if !includeTerminating && pod.DeletionTimestamp != nil { return false }" (includeTerminating is service.Spec.PublishNotReadyAddresses)`,
      description: "A terminating pod (deletionTimestamp set) leaves the Endpoints entirely, ready or not.",
      manifests: [

        app("default", "live", "10.244.1.33", { app: "web" }),
        app("default", "terminating", "10.244.2.33", { app: "web" }, { deletionTimestamp: "2025-05-01T09:00:00Z" }),
        service("web", "default", { selector: { app: "web" }, ports: [{ port: 80, targetPort: 9376 }] }),
      ],
      queries: [endpoints("default/web", [{ ip: "10.244.1.33", port: 9376 }], { notReady: [] })],
    },
    {
      id: "endpoints-controller-terminating-published",
      source: `${SHOULD_BE_IN} — "Terminating pods are only included if includeTerminating is true."; ${CONTROLLER} — "endpointsliceutil.ShouldPodBeInEndpoints(pod, service.Spec.PublishNotReadyAddresses)"`,
      description: "With publishNotReadyAddresses, a terminating pod stays among the addresses.",
      manifests: [

        app("default", "live", "10.244.1.34", { app: "web" }),
        app("default", "terminating", "10.244.2.34", { app: "web" }, { deletionTimestamp: "2025-05-01T09:00:00Z" }),
        service("web", "default", { publishNotReadyAddresses: true, selector: { app: "web" }, ports: [{ port: 80, targetPort: 9376 }] }),
      ],
      queries: [
        endpoints("default/web", [
          { ip: "10.244.1.34", port: 9376 },
          { ip: "10.244.2.34", port: 9376 },
        ]),
      ],
    },
    {
      id: "endpoints-controller-terminal-phase",
      source: `${SHOULD_BE_IN} — "\\"Terminal\\" describes when a Pod is complete (in a succeeded or failed phase). ... if isPodTerminal(pod) { return false }"`,
      description: "Succeeded and Failed pods are never endpoints.",
      manifests: [

        app("default", "running", "10.244.1.35", { app: "job" }),
        app("default", "succeeded", "10.244.2.35", { app: "job" }, { phase: "Succeeded", ready: false }),
        app("default", "failed", "10.244.1.36", { app: "job" }, { phase: "Failed", ready: false }),
        service("job", "default", { selector: { app: "job" }, ports: [{ port: 80, targetPort: 9376 }] }),
      ],
      queries: [endpoints("default/job", [{ ip: "10.244.1.35", port: 9376 }], { notReady: [] })],
    },
    {
      id: "endpoints-docs-selectorless-manual",
      source: `${SERVICE_DOCS}#services-without-selectors — "Because this Service has no selector, the corresponding EndpointSlice (and legacy Endpoints) objects are not created automatically. You can map the Service to the network address and port where it's running, by adding an EndpointSlice object manually"; ${CONTROLLER} — "services without a selector receive no endpoints from this controller; these services will receive the endpoints that are created out-of-band via the REST API."`,
      description: "A Service without selector keeps the Endpoints written for it; one without any has no addresses.",
      manifests: [

        service("my-service", "default", { ports: [{ name: "http", protocol: "TCP", port: 80, targetPort: 9376 }] }),
        {
          apiVersion: "v1",
          kind: "Endpoints",
          metadata: { name: "my-service", namespace: "default" },
          subsets: [{ addresses: [{ ip: "10.4.5.6" }, { ip: "10.1.2.3" }], ports: [{ name: "http", port: 9376, protocol: "TCP" }] }],
        },
        service("no-endpoints", "default", { ports: [{ protocol: "TCP", port: 80, targetPort: 9376 }] }),
        app("default", "stray", "10.244.1.37", { app: "no-endpoints" }),
      ],
      queries: [
        endpoints("default/my-service", [
          { ip: "10.4.5.6", port: 9376 },
          { ip: "10.1.2.3", port: 9376 },
        ]),
        endpoints("default/no-endpoints", [], { note: "no selector, nothing written: the controller adds nothing" }),
      ],
    },
    {
      id: "endpoints-article-selector-mismatch",
      source: `the course article (Debugging: "kubectl get endpoints my-service ... If it says <none>, your selector labels don't match your pods!"); label matching per kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/labels/selector.go (exact, case-sensitive values)`,
      description: "A selector that matches no pod (a typo, a different case, another namespace) gives an empty Endpoints.",
      manifests: [
        namespace("production"),
        namespace("staging"),
        pod({ namespace: "production", name: "backend-1", ip: "10.244.1.41", labels: { app: "My-Backend" }, ports: [{ containerPort: 3000 }] }),
        pod({ namespace: "staging", name: "backend-1", ip: "10.244.2.41", labels: { app: "my-backend" }, ports: [{ containerPort: 3000 }] }),
        service("my-backend-api", "production", { type: "ClusterIP", selector: { app: "my-backend" }, ports: [{ name: "http", port: 80, targetPort: 3000 }] }),
      ],
      queries: [endpoints("production/my-backend-api", [], { note: "label values are case-sensitive and the selector only looks in the Service's namespace" })],
    },
    {
      id: "endpoints-article-my-backend-api",
      source: `the course article (service.yaml my-backend-api: "selector: app: my-backend ... port: 80 ... targetPort: 3000"); ${SERVICE_DOCS}#defining-a-service`,
      description: "The article's Service with two matching pods in production.",
      manifests: [
        namespace("production"),
        pod({ namespace: "production", name: "my-backend-1", ip: "10.244.1.42", labels: { app: "my-backend" }, ports: [{ containerPort: 3000 }] }),
        pod({ namespace: "production", name: "my-backend-2", ip: "10.244.2.42", labels: { app: "my-backend", tier: "api" }, ports: [{ containerPort: 3000 }] }),
        service("my-backend-api", "production", { type: "ClusterIP", selector: { app: "my-backend" }, ports: [{ name: "http", port: 80, targetPort: 3000 }] }),
      ],
      queries: [
        endpoints("production/my-backend-api", [
          { ip: "10.244.1.42", port: 3000 },
          { ip: "10.244.2.42", port: 3000 },
        ]),
        endpoints("production/my-backend-api", [{ ip: "10.244.1.42", port: 3000 }, { ip: "10.244.2.42", port: 3000 }], { servicePort: "http" }),
      ],
    },
    {
      id: "endpoints-docs-multi-port",
      source: `${SERVICE_DOCS}#multi-port-services — "For some Services, you need to expose more than one port. Kubernetes lets you configure multiple port definitions on a Service object."; ${CONTROLLER}#endpointPortFromServicePort — "Name: servicePort.Name, Port: int32(portNum)"`,
      description: "Each Service port becomes an endpoint port carrying the Service port's name.",
      manifests: [

        pod({ namespace: "default", name: "myapp-1", ip: "10.244.1.43", labels: myApp, ports: [{ containerPort: 9376 }, { containerPort: 9377 }] }),
        pod({ namespace: "default", name: "myapp-2", ip: "10.244.2.43", labels: myApp, ports: [{ containerPort: 9376 }, { containerPort: 9377 }] }),
        service("my-service", "default", {
          selector: myApp,
          ports: [
            { name: "http", protocol: "TCP", port: 80, targetPort: 9376 },
            { name: "https", protocol: "TCP", port: 443, targetPort: 9377 },
          ],
        }),
      ],
      queries: [
        endpoints("default/my-service", [{ ip: "10.244.1.43", port: 9376 }, { ip: "10.244.2.43", port: 9376 }], { servicePort: "http" }),
        endpoints("default/my-service", [{ ip: "10.244.1.43", port: 9377 }, { ip: "10.244.2.43", port: 9377 }], { servicePort: "https" }),
        endpoints("default/my-service", [
          { ip: "10.244.1.43", port: 9376 },
          { ip: "10.244.2.43", port: 9376 },
          { ip: "10.244.1.43", port: 9377 },
          { ip: "10.244.2.43", port: 9377 },
        ]),
      ],
    },
    {
      id: "endpoints-defaults-target-port",
      source: `${SERVICE_DOCS}#defining-a-service — "By default and for convenience, the targetPort is set to the same value as the port field."`,
      description: "A port without targetPort reaches pods on the same number.",
      manifests: [

        pod({ namespace: "default", name: "nginx-1", ip: "10.244.1.44", labels: { app: "nginx" }, image: "nginx:1.27", ports: [{ containerPort: 80 }] }),
        service("nginx", "default", { selector: { app: "nginx" }, ports: [{ port: 80 }] }),
      ],
      queries: [endpoints("default/nginx", [{ ip: "10.244.1.44", port: 80 }])],
    },
    {
      id: "endpoints-kubeadm-kube-dns-ports",
      source: `kubernetes/kubernetes cmd/kubeadm/app/phases/addons/dns/manifests.go (kube-dns Service: "name: dns ... port: 53 ... protocol: UDP", "name: dns-tcp ... protocol: TCP", "name: metrics ... port: 9153"); ${CONTROLLER}#endpointPortFromServicePort`,
      description: "kubeadm's kube-dns Service shape (copied into its own namespace): one endpoint port per Service port, UDP and TCP alike.",
      manifests: [
        namespace("dns-test"),
        ...["10.244.1.47", "10.244.2.47"].map((ip, i) =>
          pod({
            namespace: "dns-test",
            name: `coredns-${i}`,
            ip,
            labels: { "k8s-app": "kube-dns" },
            image: "registry.k8s.io/coredns/coredns:v1.11.3",
            ports: [
              { name: "dns", containerPort: 53, protocol: "UDP" },
              { name: "dns-tcp", containerPort: 53, protocol: "TCP" },
              { name: "metrics", containerPort: 9153, protocol: "TCP" },
            ],
          }),
        ),
        service("kube-dns", "dns-test", {
          selector: { "k8s-app": "kube-dns" },
          ports: [
            { name: "dns", port: 53, protocol: "UDP", targetPort: 53 },
            { name: "dns-tcp", port: 53, protocol: "TCP", targetPort: 53 },
            { name: "metrics", port: 9153, protocol: "TCP", targetPort: 9153 },
          ],
        }),
      ],
      queries: [
        endpoints("dns-test/kube-dns", [{ ip: "10.244.1.47", port: 53 }, { ip: "10.244.2.47", port: 53 }], { servicePort: "dns" }),
        endpoints("dns-test/kube-dns", [{ ip: "10.244.1.47", port: 53 }, { ip: "10.244.2.47", port: 53 }], { servicePort: "dns-tcp" }),
        endpoints("dns-test/kube-dns", [{ ip: "10.244.1.47", port: 9153 }, { ip: "10.244.2.47", port: 9153 }], { servicePort: "metrics" }),
      ],
    },
    {
      id: "endpoints-headless-with-ports",
      source: `${CONTROLLER}#syncService — "for i := range service.Spec.Ports { ... podutil.FindPort(pod, servicePort) ... addEndpointSubset" (headless Services with ports are handled like any other); ${SERVICE_DOCS}#headless-services — "For headless Services that define selectors, the endpoints controller creates EndpointSlices in the Kubernetes API"`,
      description: "A headless Service with a selector still gets Endpoints with its ports.",
      manifests: [
        namespace("data"),
        pod({ namespace: "data", name: "db-0", ip: "10.244.1.48", labels: { app: "db" }, ports: [{ name: "postgres", containerPort: 5432 }] }),
        pod({ namespace: "data", name: "db-1", ip: "10.244.2.48", labels: { app: "db" }, ports: [{ name: "postgres", containerPort: 5432 }], ready: false }),
        service("db", "data", { clusterIP: "None", selector: { app: "db" }, ports: [{ name: "postgres", port: 5432, targetPort: "postgres" }] }),
      ],
      queries: [endpoints("data/db", [{ ip: "10.244.1.48", port: 5432 }], { servicePort: "postgres", notReady: [{ ip: "10.244.2.48", port: 5432 }] })],
    },
    {
      id: "endpoints-selector-subset-of-labels",
      source: `${SERVICE_DOCS}#defining-a-service — "The controller for that Service continuously scans for Pods that match its selector"; kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/labels/labels.go#SelectorFromSet (every selector label must be present with its value; extra pod labels do not matter)`,
      description: "All selector labels must match; extra pod labels are irrelevant.",
      manifests: [
        namespace("shop"),
        pod({ namespace: "shop", name: "web-v1", ip: "10.244.1.45", labels: { app: "web", version: "v1" }, ports: [{ containerPort: 8080 }] }),
        pod({ namespace: "shop", name: "web-v2", ip: "10.244.2.45", labels: { app: "web", version: "v2" }, ports: [{ containerPort: 8080 }] }),
        pod({ namespace: "shop", name: "worker", ip: "10.244.1.46", labels: { app: "worker", version: "v1" }, ports: [{ containerPort: 8080 }] }),
        service("web", "shop", { selector: { app: "web" }, ports: [{ port: 80, targetPort: 8080 }] }),
        service("web-v1", "shop", { selector: { app: "web", version: "v1" }, ports: [{ port: 80, targetPort: 8080 }] }),
      ],
      queries: [
        endpoints("shop/web", [{ ip: "10.244.1.45", port: 8080 }, { ip: "10.244.2.45", port: 8080 }]),
        endpoints("shop/web-v1", [{ ip: "10.244.1.45", port: 8080 }]),
      ],
    },
  ];
}
