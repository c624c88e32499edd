import type { ManifestObject } from "../objects/meta";
import { buildNamespace } from "./build-control-plane-objects";

export const INGRESS_NGINX_VERSION = "1.12.1";
export const INGRESS_NGINX_IMAGE = `registry.k8s.io/ingress-nginx/controller:v${INGRESS_NGINX_VERSION}`;

/** The selector labels of the controller pods in the upstream manifests. */
export const INGRESS_NGINX_SELECTOR = {
  "app.kubernetes.io/component": "controller",
  "app.kubernetes.io/instance": "ingress-nginx",
  "app.kubernetes.io/name": "ingress-nginx",
} as const;

/**
 * ingress-nginx as its cloud manifest installs it (kubernetes/ingress-nginx
 * deploy/static/provider/cloud/deploy.yaml): namespace ingress-nginx, ConfigMap and Deployment
 * ingress-nginx-controller (ports http 80, https 443, webhook 8443; --publish-service so Ingress status gets
 * the Service's address; --controller-class=k8s.io/ingress-nginx), Service ingress-nginx-controller of type
 * LoadBalancer (externalTrafficPolicy Local, targetPorts by name), the admission Service, and IngressClass
 * nginx. RBAC, the admission Jobs and the webhook configuration have no kinds in the simulator.
 */
export function buildIngressNginxAddon(): ManifestObject[] {
  const labels = { ...INGRESS_NGINX_SELECTOR, "app.kubernetes.io/part-of": "ingress-nginx", "app.kubernetes.io/version": INGRESS_NGINX_VERSION };
  const namespace = "ingress-nginx";
  return [
    buildNamespace(namespace, { "app.kubernetes.io/instance": "ingress-nginx", "app.kubernetes.io/name": "ingress-nginx" }),
    { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "ingress-nginx-controller", namespace, labels }, data: {} },
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "ingress-nginx-controller", namespace, labels },
      spec: {
        externalTrafficPolicy: "Local",
        ipFamilies: ["IPv4"],
        ipFamilyPolicy: "SingleStack",
        ports: [
          { appProtocol: "http", name: "http", port: 80, protocol: "TCP", targetPort: "http" },
          { appProtocol: "https", name: "https", port: 443, protocol: "TCP", targetPort: "https" },
        ],
        selector: { ...INGRESS_NGINX_SELECTOR },
        type: "LoadBalancer",
      },
    },
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "ingress-nginx-controller-admission", namespace, labels },
      spec: {
        ports: [{ appProtocol: "https", name: "https-webhook", port: 443, targetPort: "webhook" }],
        selector: { ...INGRESS_NGINX_SELECTOR },
        type: "ClusterIP",
      },
    },
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "ingress-nginx-controller", namespace, labels },
      spec: {
        minReadySeconds: 0,
        revisionHistoryLimit: 10,
        selector: { matchLabels: { ...INGRESS_NGINX_SELECTOR } },
        strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1 } },
        template: {
          metadata: { labels },
          spec: {
            containers: [
              {
                name: "controller",
                image: INGRESS_NGINX_IMAGE,
                imagePullPolicy: "IfNotPresent",
                args: [
                  "/nginx-ingress-controller",
                  "--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller",
                  "--election-id=ingress-nginx-leader",
                  "--controller-class=k8s.io/ingress-nginx",
                  "--ingress-class=nginx",
                  "--configmap=$(POD_NAMESPACE)/ingress-nginx-controller",
                  "--validating-webhook=:8443",
                  "--validating-webhook-certificate=/usr/local/certificates/cert",
                  "--validating-webhook-key=/usr/local/certificates/key",
                ],
                env: [
                  { name: "POD_NAME", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
                  { name: "POD_NAMESPACE", valueFrom: { fieldRef: { fieldPath: "metadata.namespace" } } },
                  { name: "LD_PRELOAD", value: "/usr/local/lib/libmimalloc.so" },
                ],
                ports: [
                  { containerPort: 80, name: "http", protocol: "TCP" },
                  { containerPort: 443, name: "https", protocol: "TCP" },
                  { containerPort: 8443, name: "webhook", protocol: "TCP" },
                ],
                livenessProbe: { httpGet: { path: "/healthz", port: 10254, scheme: "HTTP" }, initialDelaySeconds: 10, periodSeconds: 10, failureThreshold: 5, successThreshold: 1, timeoutSeconds: 1 },
                readinessProbe: { httpGet: { path: "/healthz", port: 10254, scheme: "HTTP" }, initialDelaySeconds: 10, periodSeconds: 10, failureThreshold: 3, successThreshold: 1, timeoutSeconds: 1 },
                resources: { requests: { cpu: "100m", memory: "90Mi" } },
              },
            ],
            dnsPolicy: "ClusterFirst",
            nodeSelector: { "kubernetes.io/os": "linux" },
            serviceAccountName: "ingress-nginx",
            terminationGracePeriodSeconds: 300,
          },
        },
      },
    },
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "IngressClass",
      metadata: { name: "nginx", labels },
      spec: { controller: "k8s.io/ingress-nginx" },
    },
  ];
}
