import type { ObjectRef } from "../objects/meta";
import type { ConnectOutcome, TraceHop } from "./trace";

/**
 * The answer to one simulated HTTP request, shaped for `curl` and for graders: the connection outcome, then
 * the response if one came back. Shared by httpRequest and the Ingress controller (serveIngressRequest).
 */
export interface HttpResult {
  outcome: ConnectOutcome;
  /** The HTTP status, when a response came back. */
  status?: number;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
  body: string;
  hops: TraceHop[];
  /** The pod and container that produced the response. */
  servedBy?: { pod: ObjectRef; container: string };
  /**
   * What curl reports when no HTTP response came back, with its exit code
   * (https://curl.se/libcurl/c/libcurl-errors.html): 6 could not resolve host, 7 failed to connect,
   * 28 timeout, 52 empty reply, 1 unsupported protocol / HTTP/0.9, 35 TLS handshake.
   */
  error?: { code: number; message: string };
}
