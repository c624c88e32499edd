import type { ShellHost, PortForward } from "../session/shell-host";

/**
 * What `kubectl port-forward` logs when the pod has nothing listening on the forwarded port: the kubelet's
 * error, relayed through client-go's klog line (k8s.io/client-go tools/portforward/portforward.go).
 */
export function formatForwardError(host: ShellHost, forward: PortForward): string {
  const now = host.cluster.now();
  const stamp = `E${String(now.getUTCMonth() + 1).padStart(2, "0")}${String(now.getUTCDate()).padStart(2, "0")} ${now.toISOString().slice(11, 19)}.000000`;
  const pod = host.cluster.get("Pod", forward.pod, forward.namespace);
  const uid = pod?.metadata.uid ?? "";
  return `${stamp}    4242 portforward.go:424] "Unhandled Error" err="an error occurred forwarding ${forward.localPort} -> ${forward.podPort}: error forwarding port ${forward.podPort} to pod ${uid}, uid : failed to execute portforward in network namespace: failed to connect to localhost:${forward.podPort} inside namespace, IPv4: dial tcp4 127.0.0.1:${forward.podPort}: connect: connection refused IPv6 dial tcp6 [::1]:${forward.podPort}: connect: connection refused "\n`;
}
