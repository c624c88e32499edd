import type { ClusterConfig } from "../config";
import type { ManifestObject } from "../objects/meta";

/** The CoreDNS image kubeadm v1.32 installs (cmd/kubeadm/app/constants: CoreDNSVersion). */
export const COREDNS_IMAGE = "registry.k8s.io/coredns/coredns:v1.11.3";

/** kubeadm's Corefile (cmd/kubeadm/app/phases/addons/dns/manifests.go), for the configured cluster domain. */
export function buildCorefile(clusterDomain: string): string {
  return [
    ".:53 {",
    "    errors",
    "    health {",
    "       lameduck 5s",
    "    }",
    "    ready",
    `    kubernetes ${clusterDomain} in-addr.arpa ip6.arpa {`,
    "       pods insecure",
    "       fallthrough in-addr.arpa ip6.arpa",
    "       ttl 30",
    "    }",
    "    prometheus :9153",
    "    forward . /etc/resolv.conf {",
    "       max_concurrent 1000",
    "    }",
    "    cache 30 {",
    `       disable success ${clusterDomain}`,
    `       disable denial ${clusterDomain}`,
    "    }",
    "    loop",
    "    reload",
    "    loadbalance",
    "}",
    "",
  ].join("\n");
}

/**
 * The CoreDNS addon as kubeadm installs it (cmd/kubeadm/app/phases/addons/dns/manifests.go): ConfigMap
 * coredns, Deployment coredns (2 replicas, label k8s-app=kube-dns, ports dns 53/UDP, dns-tcp 53/TCP,
 * metrics 9153, tolerating the control-plane taint) and Service kube-dns at the configured DNS IP
 * (https://kubernetes.io/docs/tasks/administer-cluster/dns-custom-nameservers/).
 */
export function buildCoreDnsAddon(config: ClusterConfig): ManifestObject[] {
  const labels = { "k8s-app": "kube-dns" };
  return [
    {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "coredns", namespace: "kube-system" },
      data: { Corefile: buildCorefile(config.clusterDomain) },
    },
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "coredns", namespace: "kube-system", labels },
      spec: {
        replicas: 2,
        selector: { matchLabels: labels },
        strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1 } },
        template: {
          metadata: { labels },
          spec: {
            priorityClassName: "system-cluster-critical",
            serviceAccountName: "coredns",
            tolerations: [
              { key: "CriticalAddonsOnly", operator: "Exists" },
              { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" },
            ],
            nodeSelector: { "kubernetes.io/os": "linux" },
            containers: [
              {
                name: "coredns",
                image: COREDNS_IMAGE,
                imagePullPolicy: "IfNotPresent",
                resources: { limits: { memory: "170Mi" }, requests: { cpu: "100m", memory: "70Mi" } },
                args: ["-conf", "/etc/coredns/Corefile"],
                volumeMounts: [{ name: "config-volume", mountPath: "/etc/coredns", readOnly: true }],
                ports: [
                  { containerPort: 53, name: "dns", protocol: "UDP" },
                  { containerPort: 53, name: "dns-tcp", protocol: "TCP" },
                  { containerPort: 9153, name: "metrics", protocol: "TCP" },
                ],
                livenessProbe: { httpGet: { path: "/health", port: 8080, scheme: "HTTP" }, initialDelaySeconds: 60, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 5 },
                readinessProbe: { httpGet: { path: "/ready", port: 8181, scheme: "HTTP" } },
              },
            ],
            dnsPolicy: "Default",
            volumes: [{ name: "config-volume", configMap: { name: "coredns", items: [{ key: "Corefile", path: "Corefile" }] } }],
          },
        },
      },
    },
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: {
        name: "kube-dns",
        namespace: "kube-system",
        labels: { "k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true", "kubernetes.io/name": "CoreDNS" },
        annotations: { "prometheus.io/port": "9153", "prometheus.io/scrape": "true" },
      },
      spec: {
        clusterIP: config.dnsServiceIP,
        ports: [
          { name: "dns", port: 53, protocol: "UDP", targetPort: 53 },
          { name: "dns-tcp", port: 53, protocol: "TCP", targetPort: 53 },
          { name: "metrics", port: 9153, protocol: "TCP", targetPort: 9153 },
        ],
        selector: labels,
      },
    },
  ];
}
