import { staticClusterState } from "@/tests/fixtures/static-cluster-state";
import type { ClusterState } from "@/lib/sim/cluster-state";

type Loose = { kind: string; metadata: { name: string; namespace?: string; [k: string]: unknown }; [k: string]: unknown };

export interface PathSpec {
  path?: string;
  pathType?: string;
  service: string;
  port?: number | string;
}

export function servicePort(port: number | string | undefined): Record<string, unknown> {
  return typeof port === "string" ? { name: port } : { number: port ?? 80 };
}

export function ingress(
  name: string,
  spec: { rules?: { host?: string; paths?: PathSpec[] }[]; defaultBackend?: { service: string; port?: number | string }; tls?: { hosts?: string[]; secretName?: string }[]; ingressClassName?: string },
  options: { namespace?: string; annotations?: Record<string, string>; createdAt?: string } = {},
): Loose {
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "Ingress",
    metadata: {
      name,
      namespace: options.namespace ?? "default",
      ...(options.annotations ? { annotations: options.annotations } : {}),
      ...(options.createdAt ? { creationTimestamp: options.createdAt } : {}),
    },
    spec: {
      ...(spec.ingressClassName ? { ingressClassName: spec.ingressClassName } : {}),
      ...(spec.defaultBackend ? { defaultBackend: { service: { name: spec.defaultBackend.service, port: servicePort(spec.defaultBackend.port) } } } : {}),
      ...(spec.tls ? { tls: spec.tls } : {}),
      ...(spec.rules
        ? {
            rules: spec.rules.map((r) => ({
              ...(r.host !== undefined ? { host: r.host } : {}),
              ...(r.paths
                ? { http: { paths: r.paths.map((p) => ({ ...(p.path !== undefined ? { path: p.path } : {}), pathType: p.pathType ?? "Prefix", backend: { service: { name: p.service, port: servicePort(p.port) } } })) } }
                : {}),
            })),
          }
        : {}),
    },
  };
}

export function ingressClass(name: string, controller: string, isDefault = false): Loose {
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "IngressClass",
    metadata: { name, ...(isDefault ? { annotations: { "ingressclass.kubernetes.io/is-default-class": "true" } } : {}) },
    spec: { controller },
  };
}

/** A controller pod shaped like ingress-nginx's deploy/static/provider/cloud/deploy.yaml. */
export function controllerPod(options: { name?: string; extraArgs?: string[]; ip?: string; nodeName?: string } = {}): Loose {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: options.name ?? "ingress-nginx-controller-5c8d66c76d-4xq8p",
      namespace: "ingress-nginx",
      labels: { "app.kubernetes.io/name": "ingress-nginx", "app.kubernetes.io/component": "controller", "app.kubernetes.io/instance": "ingress-nginx" },
    },
    spec: {
      nodeName: options.nodeName ?? "worker-1",
      containers: [
        {
          name: "controller",
          image: "registry.k8s.io/ingress-nginx/controller:v1.15.1",
          args: [
            "/nginx-ingress-controller",
            "--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller",
            "--election-id=ingress-nginx-leader",
            "--controller-class=k8s.io/ingress-nginx",
            "--ingress-class=nginx",
            ...(options.extraArgs ?? []),
          ],
          ports: [{ name: "http", containerPort: 80 }, { name: "https", containerPort: 443 }],
        },
      ],
    },
    status: { phase: "Running", podIP: options.ip ?? "10.244.1.10", conditions: [{ type: "Ready", status: "True" }] },
  };
}

export function controllerService(externalTrafficPolicy: "Local" | "Cluster" = "Local"): Loose {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "ingress-nginx-controller", namespace: "ingress-nginx" },
    spec: {
      type: "LoadBalancer",
      externalTrafficPolicy,
      clusterIP: "10.96.100.10",
      selector: { "app.kubernetes.io/name": "ingress-nginx", "app.kubernetes.io/component": "controller", "app.kubernetes.io/instance": "ingress-nginx" },
      ports: [
        { name: "http", port: 80, targetPort: "http", protocol: "TCP" },
        { name: "https", port: 443, targetPort: "https", protocol: "TCP" },
      ],
    },
    status: { loadBalancer: { ingress: [{ ip: "203.0.113.10" }] } },
  };
}

export function service(name: string, options: { namespace?: string; ports?: { name?: string; port: number; targetPort?: number | string }[]; selector?: Record<string, string> } = {}): Loose {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace: options.namespace ?? "default" },
    spec: {
      clusterIP: "10.96.0.50",
      selector: options.selector ?? { app: name },
      ports: (options.ports ?? [{ port: 80, targetPort: 80 }]).map((p) => ({ protocol: "TCP", ...p })),
    },
  };
}

export function pod(name: string, options: { namespace?: string; labels?: Record<string, string>; ip: string; image?: string; ready?: boolean; nodeName?: string; env?: { name: string; value: string }[]; containerPorts?: number[] }): Loose {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: options.namespace ?? "default", labels: options.labels ?? { app: name.replace(/-[a-z0-9]{5}$/, "") } },
    spec: {
      nodeName: options.nodeName ?? "worker-2",
      containers: [{ name: "app", image: options.image ?? "nginx:1.27", ...(options.env ? { env: options.env } : {}), ...(options.containerPorts ? { ports: options.containerPorts.map((containerPort) => ({ containerPort })) } : {}) }],
    },
    status: { phase: "Running", podIP: options.ip, conditions: [{ type: "Ready", status: options.ready === false ? "False" : "True" }] },
  };
}

export function state(objects: Loose[]): ClusterState {
  return staticClusterState(objects);
}
