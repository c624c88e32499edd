import { describe, expect, test } from "vitest";
import { isIPv4InCIDR, parseIPv4 } from "@/lib/sim/network/ipv4";

describe("parseIPv4", () => {
  test.each([
    { text: "10.244.1.5", expected: 183763205 },
    { text: "0.0.0.0", expected: 0 },
    { text: "255.255.255.255", expected: 4294967295 },
    { text: "10.96.0.10", expected: 174063626 },
  ])("$text", ({ text, expected }) => {
    expect(parseIPv4(text)).toBe(expected);
  });

  test.each(["", "1.2.3", "1.2.3.4.5", "1.2.3.4.", ".1.2.3", "1..2.3", "01.2.3.4", "1.2.3.256", "1.2.3.1000", "1.2.3.4\n", " 1.2.3.4", "1.2.3.+4", "1.2.3.0x4", "1.2.3.a", "1.2.3.٣"])(
    "rejects %j",
    (text) => {
      expect(parseIPv4(text)).toBeUndefined();
    },
  );
});

describe("isIPv4InCIDR", () => {
  test.each([
    { ip: "10.244.1.5", cidr: "10.244.0.0/16", expected: true },
    { ip: "10.245.0.1", cidr: "10.244.0.0/16", expected: false },
    { ip: "127.0.0.1", cidr: "127.0.0.0/8", expected: true },
    { ip: "10.0.0.1", cidr: "10.0.0.1", expected: true },
    { ip: "10.0.0.2", cidr: "10.0.0.1", expected: false },
    { ip: "192.168.1.1", cidr: "0.0.0.0/0", expected: true },
    { ip: "10.0.0.1", cidr: "10.0.0.0/33", expected: false },
    { ip: "10.0.0.1", cidr: "10.0.0.0/x", expected: false },
    { ip: "not-an-ip", cidr: "10.0.0.0/8", expected: false },
  ])("$ip in $cidr: $expected", ({ ip, cidr, expected }) => {
    expect(isIPv4InCIDR(ip, cidr)).toBe(expected);
  });
});
