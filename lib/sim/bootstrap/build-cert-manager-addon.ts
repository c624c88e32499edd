import type { ManifestObject } from "../objects/meta";
import { buildNamespace } from "./build-control-plane-objects";

export const CERT_MANAGER_VERSION = "v1.17.2";

/**
 * cert-manager as its static manifest installs it (https://cert-manager.io/docs/installation/kubectl/,
 * cert-manager.yaml): namespace cert-manager, the controller, cainjector and webhook Deployments and the
 * controller's metrics and webhook Services. The CRDs are implied: with the addon installed the simulator
 * accepts cert-manager.io kinds.
 */
export function buildCertManagerAddon(): ManifestObject[] {
  const namespace = "cert-manager";
  const component = (name: string, app: string, componentName: string, ports: { name: string; containerPort: number }[], args: string[]): ManifestObject => {
    const selector = { "app.kubernetes.io/name": app, "app.kubernetes.io/instance": "cert-manager", "app.kubernetes.io/component": componentName };
    const labels = { app, ...selector, "app.kubernetes.io/version": CERT_MANAGER_VERSION };
    return {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name, namespace, labels },
      spec: {
        replicas: 1,
        selector: { matchLabels: selector },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: name,
            containers: [
              {
                name: `cert-manager-${componentName === "controller" ? "controller" : componentName}`,
                image: `quay.io/jetstack/cert-manager-${componentName === "controller" ? "controller" : componentName}:${CERT_MANAGER_VERSION}`,
                imagePullPolicy: "IfNotPresent",
                args,
                ports: ports.map((p) => ({ ...p, protocol: "TCP" })),
              },
            ],
            nodeSelector: { "kubernetes.io/os": "linux" },
          },
        },
      },
    };
  };
  return [
    buildNamespace(namespace),
    component("cert-manager", "cert-manager", "controller", [{ name: "http-metrics", containerPort: 9402 }, { name: "http-healthz", containerPort: 9403 }], ["--v=2", "--cluster-resource-namespace=$(POD_NAMESPACE)", "--leader-election-namespace=kube-system"]),
    component("cert-manager-cainjector", "cainjector", "cainjector", [{ name: "http-metrics", containerPort: 9402 }], ["--v=2", "--leader-election-namespace=kube-system"]),
    component("cert-manager-webhook", "webhook", "webhook", [{ name: "https", containerPort: 10250 }, { name: "healthcheck", containerPort: 6080 }, { name: "http-metrics", containerPort: 9402 }], ["--v=2", "--secure-port=10250"]),
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "cert-manager", namespace, labels: { app: "cert-manager", "app.kubernetes.io/name": "cert-manager", "app.kubernetes.io/component": "controller" } },
      spec: {
        type: "ClusterIP",
        ports: [{ protocol: "TCP", port: 9402, name: "tcp-prometheus-servicemonitor", targetPort: "http-metrics" }],
        selector: { "app.kubernetes.io/name": "cert-manager", "app.kubernetes.io/instance": "cert-manager", "app.kubernetes.io/component": "controller" },
      },
    },
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "cert-manager-webhook", namespace, labels: { app: "webhook", "app.kubernetes.io/name": "webhook", "app.kubernetes.io/component": "webhook" } },
      spec: {
        type: "ClusterIP",
        ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: "https" }],
        selector: { "app.kubernetes.io/name": "webhook", "app.kubernetes.io/instance": "cert-manager", "app.kubernetes.io/component": "webhook" },
      },
    },
  ];
}
