import type { Cluster } from "@/lib/sim/store/cluster";
import type { PodShell, ShellLocation } from "./shell-host";

/**
 * The prompt each shell shows: the workstation's bash `learner@workstation:~$ `; inside a pod, bash on
 * Alpine-based netshoot shows `netshoot:~# ` (Alpine's /etc/profile PS1 `\h:\w\$ ` in /root), Debian's bash
 * `root@web-7d9f:/# `, BusyBox ash `/ # `.
 */
export function formatPrompt(location: ShellLocation, cluster: Cluster): string {
  if (location.kind === "workstation") return "learner@workstation:~$ ";
  const pod = cluster.get("Pod", location.pod, location.namespace);
  const hostname = pod?.spec?.hostname ?? location.pod;
  const image = pod?.spec?.containers?.find((c) => c.name === location.container)?.image ?? "";
  if (location.shell === "sh") return "/ # ";
  if (/netshoot/.test(image)) return `${hostname}:~# `;
  return `root@${hostname}:/# `;
}

/**
 * What the terminal shows after the pod's shell exits. `kubectl run -it` prints kubectl's attach hint
 * (k8s.io/kubectl pkg/cmd/attach: "Session ended, resume using …"), then with --rm the deletion
 * (`pod "netshoot" deleted`); `kubectl exec` reports a non-zero exit as `command terminated with exit code N`.
 */
export function formatLeavePod(cluster: Cluster, location: PodShell, code: number): string {
  let text = "";
  if (location.attached && !location.removeOnExit) text += `Session ended, resume using 'kubectl attach ${location.pod} -c ${location.container} -i -t' command when the pod is running\n`;
  if (location.attached && location.removeOnExit) {
    text += `Session ended, resume using 'kubectl attach ${location.pod} -c ${location.container} -i -t' command when the pod is running\n`;
    const deleted = cluster.delete("Pod", location.pod, location.namespace);
    if (deleted.ok) text += `pod "${location.pod}" deleted\n`;
  }
  if (!location.attached && code !== 0) text += `command terminated with exit code ${code}\n`;
  return text;
}
