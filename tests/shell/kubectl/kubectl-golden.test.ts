import { describe, expect, test } from "vitest";
import { Cluster } from "@/lib/sim/store/cluster";
import { buildArticleCluster } from "@/tests/shell/kubectl/fixtures/article-cluster";
import { runGolden, type GoldenCase } from "@/tests/shell/kubectl/fixtures/golden-transcript";

const empty = () => Cluster.create({ addons: ["coredns", "ingress-nginx"] });

/**
 * The client-side output of the real kubectl v1.32 client, captured with the command shown (no API server is
 * needed for generators with --dry-run=client). Our kubectl must print the same bytes.
 */
const CLIENT_CASES: GoldenCase[] = [
  { name: "create-deployment-dry-run", source: "kubectl create deployment web --image=nginx --replicas=2 --port=80 --dry-run=client -o yaml", origin: "kubectl-client", commands: "kubectl create deployment web --image=nginx --replicas=2 --port=80 --dry-run=client -o yaml\n", cluster: empty, echo: false },
  { name: "create-service-nodeport-dry-run", source: "kubectl create service nodeport web --tcp=80:8080 --dry-run=client -o yaml", origin: "kubectl-client", commands: "kubectl create service nodeport web --tcp=80:8080 --dry-run=client -o yaml\n", cluster: empty, echo: false },
  { name: "create-service-clusterip-dry-run", source: "kubectl create service clusterip my-service --tcp=80:8080 --dry-run=client -o yaml", origin: "kubectl-client", commands: "kubectl create service clusterip my-service --tcp=80:8080 --dry-run=client -o yaml\n", cluster: empty, echo: false },
  {
    name: "create-ingress-dry-run",
    source: 'kubectl create ingress web --rule="foo.com/bar=svc1:8080" --rule="foo.com/api*=api:http,tls=foo-tls" --class=nginx --dry-run=client -o yaml',
    origin: "kubectl-client",
    commands: 'kubectl create ingress web --rule="foo.com/bar=svc1:8080" --rule="foo.com/api*=api:http,tls=foo-tls" --class=nginx --dry-run=client -o yaml\n',
    cluster: empty,
    echo: false,
  },
  { name: "create-namespace-dry-run", source: "kubectl create namespace shop --dry-run=client -o yaml", origin: "kubectl-client", commands: "kubectl create namespace shop --dry-run=client -o yaml\n", cluster: empty, echo: false },
  { name: "create-deployment-dry-run-line", source: "kubectl create deployment web --image=registry.k8s.io/echoserver:1.10 --dry-run=client", origin: "kubectl-client", commands: "kubectl create deployment web --image=registry.k8s.io/echoserver:1.10 --dry-run=client\n", cluster: empty, echo: false },
];

/**
 * Transcripts of the simulated cluster. Column sets, `<none>`/`<pending>`, ENDPOINTS and PORT(S) cells follow
 * kubernetes/kubernetes pkg/printers/internalversion/printers.go; describe layouts follow
 * k8s.io/kubectl pkg/describe/describe.go; each case names the documentation page showing the same output.
 */
const SIMULATOR_CASES: GoldenCase[] = [
  {
    name: "get-endpoints",
    source: "https://kubernetes.io/docs/tasks/debug/debug-application/debug-service/#does-the-service-have-any-endpoints",
    origin: "simulator",
    commands: "kubectl get endpoints my-service\nkubectl get endpointslices -l kubernetes.io/service-name=my-service\nkubectl get endpoints -n kube-system kube-dns\n",
    cluster: buildArticleCluster,
  },
  {
    name: "get-tables",
    source: "https://kubernetes.io/docs/reference/kubectl/generated/kubectl_get/ (get pods -o wide, multiple types, --show-labels, -A)",
    origin: "simulator",
    commands: "kubectl get pods -o wide\nkubectl get svc,ing\nkubectl get pods --show-labels -l app=web\nkubectl get svc -A\nkubectl get nodes\nkubectl get ns\nkubectl get ingressclass\nkubectl get deploy -n ingress-nginx -o wide\nkubectl get all -n kube-system\nkubectl get events -n kube-system\n",
    cluster: buildArticleCluster,
  },
  {
    name: "get-output-formats",
    source: "https://kubernetes.io/docs/reference/kubectl/jsonpath/ and https://kubernetes.io/docs/reference/kubectl/#output-options",
    origin: "simulator",
    commands:
      "kubectl get svc my-service -o yaml\nkubectl get pods -o name\nkubectl get svc my-service -o jsonpath='{.spec.selector}'\nkubectl get pods -o jsonpath='{.items[*].status.podIP}'\nkubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{\"\\t\"}{.spec.nodeName}{\"\\n\"}{end}'\nkubectl get pod web-7d9f8b6c5d-abcde -o jsonpath='{.status.conditions[?(@.type==\"Ready\")].status}'\nkubectl get endpoints my-service -o json\n",
    cluster: buildArticleCluster,
  },
  {
    name: "get-errors",
    source: "https://kubernetes.io/docs/reference/kubectl/ (error output of the kubectl client against an API server)",
    origin: "simulator",
    commands: "kubectl get services x\nkubectl get foo\nkubectl get pods --foo\nkubectl get pods -n nowhere\nkubectl get\nkubectl frobnicate\nkubectl get pods -o wat\n",
    cluster: buildArticleCluster,
  },
  {
    name: "describe-service",
    source: "https://kubernetes.io/docs/tutorials/services/connect-applications-service/ (kubectl describe svc my-nginx)",
    origin: "simulator",
    commands: "kubectl describe service my-service\nkubectl describe svc -n ingress-nginx ingress-nginx-controller\nkubectl describe endpoints my-service\n",
    cluster: buildArticleCluster,
  },
  {
    name: "describe-pod-deployment",
    source: "https://kubernetes.io/docs/tasks/debug/debug-application/debug-pods/ and https://kubernetes.io/docs/concepts/workloads/controllers/deployment/",
    origin: "simulator",
    commands: "kubectl create deployment web2 --image=nginx --replicas=2 --port=80\nkubectl describe deployment web2\nkubectl describe pod web-7d9f8b6c5d-abcde\n",
    cluster: buildArticleCluster,
  },
  {
    name: "describe-ingress-networkpolicy",
    source: "https://kubernetes.io/docs/concepts/services-networking/ingress/ and https://kubernetes.io/docs/concepts/services-networking/network-policies/",
    origin: "simulator",
    commands: [
      "kubectl describe ingress shop",
      "cat <<EOF | kubectl apply -f -",
      "apiVersion: networking.k8s.io/v1",
      "kind: NetworkPolicy",
      "metadata:",
      "  name: db-access-policy",
      "spec:",
      "  podSelector:",
      "    matchLabels:",
      "      app: postgres-db",
      "  policyTypes:",
      "  - Ingress",
      "  ingress:",
      "  - from:",
      "    - podSelector:",
      "        matchLabels:",
      "          app: backend-api",
      "    ports:",
      "    - protocol: TCP",
      "      port: 5432",
      "EOF",
      "kubectl get networkpolicy",
      "kubectl describe networkpolicy db-access-policy",
      "",
    ].join("\n"),
    cluster: buildArticleCluster,
  },
  {
    name: "write-verbs",
    source: "https://kubernetes.io/docs/reference/kubectl/generated/ (apply, create, expose, scale, label, annotate, delete)",
    origin: "simulator",
    files: { "web.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: 8080\n" },
    commands:
      "kubectl apply -f web.yaml\nkubectl apply -f web.yaml\nkubectl create deployment api --image=nginx --replicas=2\nkubectl expose deployment api --port=80 --type=NodePort\nkubectl get svc api\nkubectl scale deployment api --replicas=3\nkubectl label svc web tier=frontend\nkubectl label svc web tier=backend\nkubectl label svc web tier=backend --overwrite\nkubectl annotate svc web owner=team-a\nkubectl delete svc web\nkubectl delete svc web\nkubectl apply -f missing.yaml\nkubectl create namespace shop\nkubectl create namespace shop\n",
    cluster: buildArticleCluster,
  },
  {
    name: "apply-invalid",
    source: "https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport (NodePort range validation)",
    origin: "simulator",
    commands: "cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Service\nmetadata:\n  name: bad\nspec:\n  type: NodePort\n  selector:\n    app: web\n  ports:\n  - port: 80\n    nodePort: 80\nEOF\n",
    cluster: buildArticleCluster,
  },
  {
    name: "client-info",
    source: "https://kubernetes.io/docs/reference/kubectl/generated/kubectl_version/ and kubectl_config/kubectl_config_get-contexts/",
    origin: "simulator",
    commands: "kubectl version\nkubectl version --client\nkubectl config get-contexts\nkubectl config current-context\nkubectl explain service.spec.ports.targetPort\nkubectl api-resources\n",
    cluster: buildArticleCluster,
  },
];

describe("kubectl output pinned to the real client", () => {
  test.each(CLIENT_CASES.map((c) => [c.name, c] as const))("%s", (_name, golden) => {
    const { actual, expected } = runGolden("kubectl-client", golden);
    expect(actual).toBe(expected);
  });
});

describe("kubectl against the simulated cluster", () => {
  test.each(SIMULATOR_CASES.map((c) => [c.name, c] as const))("%s", (_name, golden) => {
    const { actual, expected } = runGolden("kubectl", golden);
    expect(actual).toBe(expected);
  });
});
