import fc from "fast-check";
import { describe, expect, test, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { signLearnerToken, verifyLearnerToken } = await import("@/lib/db/session-token");

const SECRET = "a".repeat(64);
const ID = "8c035f50-4eb1-460a-8f67-21f8ea61741a";
const token = signLearnerToken(ID, SECRET);
const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
// 32 bytes take 43 base64 characters; the last one carries 2 unused bits, so flipping its lowest bit
// yields a different string that decodes to the same bytes.
const sameBytesOtherText = token.slice(0, -1) + BASE64URL[BASE64URL.indexOf(token.at(-1) ?? "A") ^ 1];

describe("learner token", () => {
  test("a token signed with the secret verifies to its learner id", () => {
    expect(token.startsWith(`${ID}.`)).toBe(true);
    expect(verifyLearnerToken(token, SECRET)).toBe(ID);
  });

  test.each([
    { label: "no cookie", value: undefined },
    { label: "empty", value: "" },
    { label: "id without signature", value: ID },
    { label: "signature only", value: token.slice(ID.length) },
    { label: "another learner's id with this signature", value: token.replace(ID, "00000000-0000-0000-0000-000000000000") },
    { label: "last signature character changed", value: token.slice(0, -1) + (token.endsWith("A") ? "B" : "A") },
    { label: "same bytes, non-canonical base64 in the last character", value: sameBytesOtherText },
    { label: "truncated signature", value: token.slice(0, -4) },
    { label: "signature made with another secret", value: signLearnerToken(ID, "b".repeat(64)) },
    { label: "oversized", value: `${"x".repeat(300)}.${token}` },
  ])("rejects $label", ({ value }) => {
    expect(verifyLearnerToken(value, SECRET)).toBeNull();
  });

  test("no single-character change to a valid token verifies", () => {
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_."), (index, replacement) => {
        fc.pre(token[index] !== replacement);
        const tampered = token.slice(0, index) + replacement + token.slice(index + 1);
        expect(verifyLearnerToken(tampered, SECRET)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  test("arbitrary strings never throw and never verify", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (value) => {
        expect(verifyLearnerToken(value, SECRET)).toBeNull();
      }),
    );
  });
});
