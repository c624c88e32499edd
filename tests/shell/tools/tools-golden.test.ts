import { describe, expect, test } from "vitest";
import { buildArticleCluster } from "@/tests/shell/kubectl/fixtures/article-cluster";
import { runGolden, type GoldenCase } from "@/tests/shell/kubectl/fixtures/golden-transcript";

const DENY_WEB = ["cat <<EOF | kubectl apply -f -", "apiVersion: networking.k8s.io/v1", "kind: NetworkPolicy", "metadata:", "  name: deny-web", "spec:", "  podSelector:", "    matchLabels:", "      app: web", "  policyTypes:", "  - Ingress", "EOF"];
const DENY_EGRESS = ["cat <<EOF | kubectl apply -f -", "apiVersion: networking.k8s.io/v1", "kind: NetworkPolicy", "metadata:", "  name: default-deny-egress", "spec:", "  podSelector: {}", "  policyTypes:", "  - Egress", "EOF"];

/**
 * The tools inside pods and on the workstation, against the article's cluster. Message wording follows the
 * tools' sources and manuals, cited per case; the lesson debugging-toolkit shows the same outputs.
 */
const CASES: GoldenCase[] = [
  {
    name: "netshoot-curl",
    source: "https://curl.se/docs/manpage.html, https://curl.se/libcurl/c/libcurl-errors.html (exit codes 6, 7, 28) and the lesson debugging-toolkit",
    origin: "simulator",
    commands: [
      "kubectl create service clusterip empty --tcp=80:80",
      "kubectl run netshoot --rm -i --tty --image nicolaka/netshoot -- bash",
      "curl http://my-service:80",
      "curl -s -o /dev/null -w '%{http_code}\\n' http://my-service",
      "curl -sI my-service",
      "curl -v http://my-service.default.svc.cluster.local/healthz",
      "curl http://nope:80",
      "curl http://empty:80",
      "curl -s http://empty; echo \"exit $?\"",
      "curl localhost:8080",
      "kubectl get pods",
      "exit",
      ...DENY_WEB,
      "kubectl run netshoot --rm -i --tty --image nicolaka/netshoot -- bash",
      "curl --max-time 5 http://my-service",
      "curl --connect-timeout 3 http://my-service",
      "exit",
      "",
    ].join("\n"),
    cluster: buildArticleCluster,
  },
  {
    name: "netshoot-dns",
    source: "BIND 9 nslookup and dig (bin/dig) as packaged in nicolaka/netshoot; https://kubernetes.io/docs/tasks/administer-cluster/dns-debugging-resolution/",
    origin: "simulator",
    commands: [
      "kubectl run netshoot --rm -i --tty --image nicolaka/netshoot -- bash",
      "nslookup my-service.default.svc.cluster.local",
      "nslookup my-service",
      "nslookup kubernetes.default",
      "nslookup nope",
      "dig +short my-service.default.svc.cluster.local",
      "dig my-service.default.svc.cluster.local",
      "dig my-service",
      "cat /etc/resolv.conf",
      "exit",
      ...DENY_EGRESS,
      "kubectl run netshoot --rm -i --tty --image nicolaka/netshoot -- bash",
      "nslookup my-service",
      "curl -sS http://my-service",
      "exit",
      "",
    ].join("\n"),
    cluster: buildArticleCluster,
  },
  {
    name: "netshoot-network",
    source: "iputils ping, OpenBSD nc -zv, iproute2 ip addr; kubelet's managed /etc/hosts (pkg/kubelet/kubelet_pods.go) and service environment variables (https://kubernetes.io/docs/concepts/services-networking/service/#environment-variables)",
    origin: "simulator",
    commands: [
      "kubectl run netshoot --rm -i --tty --image nicolaka/netshoot -- bash",
      "ping -c 3 10.244.1.7",
      "ping -c 2 my-service",
      "nc -zv my-service 80",
      "nc -zv 10.244.1.7 9999",
      "ip addr",
      "cat /etc/hosts",
      "hostname",
      "env | grep ^MY_SERVICE | sort",
      "exit",
      "",
    ].join("\n"),
    cluster: buildArticleCluster,
  },
  {
    name: "busybox-tools",
    source: "BusyBox 1.36 applets (networking/wget.c, nslookup.c, ping.c, nc.c) in the busybox image",
    origin: "simulator",
    commands: [
      "kubectl run bb --rm -i --tty --image=busybox -- sh",
      "wget -qO- http://my-service | head -4",
      "wget http://nope",
      "nslookup my-service.default.svc.cluster.local",
      "ping -c 2 10.244.2.4",
      "nc -zv my-service 80",
      "curl my-service",
      "exit",
      "",
    ].join("\n"),
    cluster: buildArticleCluster,
  },
  {
    name: "workstation-tools",
    source: "https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport and #loadbalancer; https://kubernetes.io/docs/concepts/services-networking/ingress/",
    origin: "simulator",
    commands: [
      "curl -s -o /dev/null -w '%{http_code}\\n' http://shop.example.com/",
      "curl -s -H 'Host: shop.example.com' http://203.0.113.1/ | head -3",
      "curl -s -o /dev/null -w '%{http_code}\\n' -H 'Host: other.example.com' http://203.0.113.1/",
      "curl --max-time 3 http://10.96.45.210/",
      "curl http://my-service/",
      "nslookup shop.example.com",
      "kubectl get svc -n ingress-nginx ingress-nginx-controller",
      "curl -s -o /dev/null -w '%{http_code}\\n' -H 'Host: shop.example.com' http://172.18.0.3:31179/",
      "",
    ].join("\n"),
    cluster: buildArticleCluster,
  },
];

describe("tools in pods and on the workstation", () => {
  test.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, golden) => {
    const { actual, expected } = runGolden("tools", golden);
    expect(actual).toBe(expected);
  });
});
