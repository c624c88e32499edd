const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Standard base64 of an ASCII string (Secret data is base64 in the API; the pure core has no Buffer or btoa). */
export function encodeBase64(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i += 3) {
    const a = text.charCodeAt(i) & 0xff;
    const b = i + 1 < text.length ? text.charCodeAt(i + 1) & 0xff : 0;
    const c = i + 2 < text.length ? text.charCodeAt(i + 2) & 0xff : 0;
    const n = (a << 16) | (b << 8) | c;
    out += BASE64[(n >> 18) & 63] + BASE64[(n >> 12) & 63];
    out += i + 1 < text.length ? BASE64[(n >> 6) & 63] : "=";
    out += i + 2 < text.length ? BASE64[n & 63] : "=";
  }
  return out;
}

/**
 * A PEM block that says plainly it is not a real certificate or key: the simulator issues no cryptographic
 * material, only the shape a learner inspects (`kubectl get secret -o yaml`, base64 -d).
 */
export function buildSimulatedPem(label: "CERTIFICATE" | "PRIVATE KEY", subject: string): string {
  const body = encodeBase64(`SIMULATED ${label} for ${subject} issued by the Kubernetes Networking Lab simulator; not valid for TLS`);
  const lines = body.match(/.{1,64}/g) ?? [];
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`, ""].join("\n");
}
