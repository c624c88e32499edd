import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The learner cookie's value: `<learnerId>.<HMAC-SHA256(learnerId) in base64url>`. The learner id is not
 * secret, but only the server can mint a valid pair, so a learner cannot claim someone else's progress.
 */
export function signLearnerToken(learnerId: string, secret: string): string {
  return `${learnerId}.${sign(learnerId, secret)}`;
}

/** The learner id in a well-formed, correctly signed token; null for anything else (treated as no cookie). */
export function verifyLearnerToken(token: string | undefined, secret: string): string | null {
  if (!token || token.length > 256) return null;
  const dot = token.lastIndexOf(".");
  if (dot <= 0) return null;
  const learnerId = token.slice(0, dot);
  // Compare the encoded text, not decoded bytes: base64 decoding ignores the unused low bits of the last
  // character, so several strings decode to the same signature.
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(sign(learnerId, secret));
  return given.length === expected.length && timingSafeEqual(given, expected) ? learnerId : null;
}

function sign(value: string, secret: string): string {
  return createHmac("sha256", secret).update(value).digest("base64url");
}
