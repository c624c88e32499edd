import type { ManifestObject } from "@/lib/sim/objects/meta";

export const deployment = (name: string, replicas = 2, image = "nginx:1.27", namespace?: string): ManifestObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name, ...(namespace ? { namespace } : {}), labels: { app: name } },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "app", image, ports: [{ name: "http", containerPort: 80 }] }] } },
  },
});

export const service = (name: string, spec: Record<string, unknown> = {}, namespace?: string): ManifestObject => ({
  apiVersion: "v1",
  kind: "Service",
  metadata: { name, ...(namespace ? { namespace } : {}) },
  spec: { selector: { app: name }, ports: [{ port: 80, targetPort: "http" }], ...spec },
});

export const namespace = (name: string): ManifestObject => ({ apiVersion: "v1", kind: "Namespace", metadata: { name } });

export const pod = (name: string, extra: { labels?: Record<string, string>; status?: Record<string, unknown>; metadata?: Record<string, unknown>; spec?: Record<string, unknown> } = {}): ManifestObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, labels: extra.labels ?? { app: "web" }, ...(extra.metadata ?? {}) },
  spec: { containers: [{ name: "app", image: "nginx:1.27", ports: [{ name: "http", containerPort: 80 }] }], ...(extra.spec ?? {}) },
  ...(extra.status ? { status: extra.status } : {}),
});
