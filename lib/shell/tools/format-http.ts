import { formatNginxReason } from "@/lib/sim/ingress/format-nginx-error-page";

/** The status line as the simulated servers send it: nginx's reason phrases, which the backends share here. */
export function formatStatusLine(status: number): string {
  const reason = formatNginxReason(status);
  return `HTTP/1.1 ${status}${reason ? ` ${reason}` : ""}`;
}

/** `content-type` → `Content-Type`, the canonical form servers send. */
export function formatHttpHeaderName(name: string): string {
  return name
    .split("-")
    .map((part) => (part.length > 0 ? part[0].toUpperCase() + part.slice(1) : part))
    .join("-");
}
