import { describe, expect, test } from "vitest";
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, isWildcardDNS1123Subdomain } from "@/lib/sim/validation/dns-names";
import { isValidCIDR, isValidIP, parseCIDR } from "@/lib/sim/validation/ip-addresses";
import { isValidPortName, isValidPortNum } from "@/lib/sim/validation/ports";

// Good and bad values from kubernetes/kubernetes
// staging/src/k8s.io/apimachinery/pkg/util/validation/validation_test.go (TestIsDNS1123Label,
// TestIsDNS1123Subdomain, TestIsDNS1035Label, TestIsQualifiedName, TestIsValidLabelValue, TestIsValidPortName).
const table = (fn: (v: string) => string[], good: string[], bad: string[]) => [
  ...good.map((value) => ({ value, valid: true, fn })),
  ...bad.map((value) => ({ value, valid: false, fn })),
];

describe("name checks accept and reject what apimachinery does", () => {
  test.each(table(isDNS1123Label, ["a", "ab", "abc", "a1", "a-1", "a--1--2--b", "0", "01", "012", "1a", "1-a", "1--a--b--2", "a".repeat(63)], ["", "A", "ABC", "aBc", "A1", "A-1", "1-A", "-", "a-", "-a", "1-", "-1", "_", "a_", "_a", "a_b", "1_", "_1", "1_2", ".", "a.", ".a", "a.b", "1.", ".1", "1.2", " ", "a ", " a", "a b", "1 ", " 1", "1 2", "a".repeat(64)]))(
    "isDNS1123Label($value) valid=$valid",
    ({ fn, value, valid }) => expect(fn(value).length === 0).toBe(valid),
  );
  test.each(table(isDNS1123Subdomain, ["a", "ab", "a1", "a-1", "0", "1a", "a.a", "ab.ab", "a1.a1", "a-1.a-1", "1.2", "a.b.c.d.e", "aa.bb.cc.dd.ee", "1.2.3.4.5", "a".repeat(253)], ["", "A", "ABC", "-", "a-", "-a", "_", "a_b", ".", "a.", ".a", "a..b", "a.-b", "a-.b", " ", "a b", "a".repeat(254)]))(
    "isDNS1123Subdomain($value) valid=$valid",
    ({ fn, value, valid }) => expect(fn(value).length === 0).toBe(valid),
  );
  test.each(table(isDNS1035Label, ["a", "ab", "abc", "a1", "a-1", "a--1--2--b", "a".repeat(63)], ["0", "01", "012", "1a", "1-a", "", "A", "ABC", "aBc", "-", "a-", "-a", "_", "a_", "a.b", " ", "a".repeat(64)]))(
    "isDNS1035Label($value) valid=$valid",
    ({ fn, value, valid }) => expect(fn(value).length === 0).toBe(valid),
  );
  test.each(table(isQualifiedName, ["simple", "now-with-dashes", "1-starts-with-num", "1234", "simple/simple", "now-with-dashes/simple", "now-with-dashes/now-with-dashes", "now.with.dots/simple", "now-with.dashes-and.dots/simple", "1-num.2-num/3-num", "1234/5678", "1.2.3.4/5678", "Uppercase_Is_OK_123", "example.com/Uppercase_Is_OK_123", "requests.storage-foo", "a".repeat(63), `${"a".repeat(253)}/${"b".repeat(63)}`], ["nospecialchars%^=@", "cantendwithadash-", "-cantstartwithadash-", "only/one/slash", "Example.com/abc", "example_com/abc", "example.com/", "/simple", "a".repeat(64), `${"a".repeat(254)}/abc`]))(
    "isQualifiedName($value) valid=$valid",
    ({ fn, value, valid }) => expect(fn(value).length === 0).toBe(valid),
  );
  test.each(table(isValidLabelValue, ["simple", "now-with-dashes", "1-starts-with-num", "end-with-num-1", "1234", "A", "AB", "AbC", "a".repeat(63), ""], ["nospecialchars%^=@", "Tama-nui-te-rā.is.Māori.sun", "\\backslashes\\are\\bad", "-starts-with-dash", "ends-with-dash-", ".starts.with.dot", "ends.with.dot.", "a".repeat(64)]))(
    "isValidLabelValue($value) valid=$valid",
    ({ fn, value, valid }) => expect(fn(value).length === 0).toBe(valid),
  );
  test.each(table(isWildcardDNS1123Subdomain, ["*.example.com", "*.bar.com", "*.foo.bar.com"], ["*.*.bar.com", "*.foo.*.com", "*bar.com", "f*.bar.com", "*"]))(
    "isWildcardDNS1123Subdomain($value) valid=$valid",
    ({ fn, value, valid }) => expect(fn(value).length === 0).toBe(valid),
  );
  test.each(table(isValidPortName, ["telnet", "re-mail-ck", "pop3", "a", "a-1", "1-a", "a-1-b-2-c", "1-a-2-b-3"], ["", "-", "-a", "a-", "a--b", "a_b", "a.b", "a b", "1234", "MyName", "a".repeat(16)]))(
    "isValidPortName($value) valid=$valid",
    ({ fn, value, valid }) => expect(fn(value).length === 0).toBe(valid),
  );
});

describe("messages are apimachinery's, word for word", () => {
  test.each([
    // Quoted in openshift/release#6651 and skupperproject/skupper#649 (error output of real clusters).
    { label: "DNS-1123 label", got: isDNS1123Label("openstackAuth"), want: ["a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"] },
    { label: "DNS-1035 label", got: isDNS1035Label("1web"), want: ["a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"] },
    { label: "DNS-1123 subdomain", got: isDNS1123Subdomain("Web"), want: ["a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"] },
    { label: "a label with dots", got: isDNS1123Label("a.b"), want: ["must not contain dots"] },
    { label: "too long", got: isDNS1035Label("a".repeat(64)), want: ["must be no more than 63 characters"] },
    { label: "label value", got: isValidLabelValue("-x"), want: ["a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"] },
    { label: "label key with a bad prefix", got: isQualifiedName("Example.com/x"), want: ["prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"] },
    { label: "wildcard host", got: isWildcardDNS1123Subdomain("*.*.example.com"), want: ["a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"] },
    { label: "port number", got: isValidPortNum(65536), want: ["must be between 1 and 65535, inclusive"] },
    { label: "IANA port name", got: isValidPortName("HTTP--"), want: ["must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)", "must contain at least one letter (a-z)", "must not contain consecutive hyphens", "must not begin or end with a hyphen"] },
  ])("$label", ({ got, want }) => {
    expect(got).toEqual(want);
  });
});

describe("IP and CIDR parsing", () => {
  test.each([
    { value: "10.96.0.10", ip: true },
    { value: "2001:db8::ffff", ip: true },
    { value: "::ffff:10.0.0.1", ip: true },
    { value: "256.1.1.1", ip: false },
    { value: "10.0.0", ip: false },
    { value: "1:2:3:4:5:6:7:8:9", ip: false },
    { value: "web", ip: false },
  ])("isValidIP($value) = $ip", ({ value, ip }) => expect(isValidIP(value).length === 0).toBe(ip));

  test.each([
    { value: "10.0.0.0/8", cidr: true },
    { value: "10.0.0.1/24", cidr: true },
    { value: "2001:db8::/64", cidr: true },
    { value: "10.0.0.0/33", cidr: false },
    { value: "10.0.0.0", cidr: false },
    { value: "10.0.0.0/", cidr: false },
  ])("isValidCIDR($value) = $cidr", ({ value, cidr }) => expect(isValidCIDR(value).length === 0).toBe(cidr));

  test("a CIDR's network clears the host bits", () => {
    expect(parseCIDR("10.1.2.3/16")?.network).toEqual([10, 1, 0, 0]);
  });
});
