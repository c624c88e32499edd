import { describe, expect, test } from "vitest";
import { flagBoolean, flagValue, flagValues, parseFlags, type FlagSpec } from "@/lib/shell/kubectl/kubectl-flags";

const SPECS: FlagSpec[] = [
  { long: "output", short: "o" },
  { long: "stdin", short: "i", boolean: true },
  { long: "tty", short: "t", boolean: true },
  { long: "rm", boolean: true },
  { long: "filename", short: "f", repeated: true },
];

describe("parseFlags (pflag syntax)", () => {
  test.each([
    ["--name=value", ["--output=yaml"], "output", "yaml"],
    ["--name value", ["--output", "yaml"], "output", "yaml"],
    ["-n value", ["-o", "json"], "output", "json"],
    ["-nvalue", ["-ojson"], "output", "json"],
    ["-n=value", ["-o=wide"], "output", "wide"],
    ["the global namespace flag", ["-n", "kube-system"], "namespace", "kube-system"],
  ])("reads %s", (_label, args, name, value) => {
    const parsed = parseFlags(args, SPECS, "get");
    expect(parsed.ok && flagValue(parsed.flags, name)).toBe(value);
  });

  test("groups short booleans and keeps what follows -- as the command", () => {
    const parsed = parseFlags(["netshoot", "-it", "--rm", "--", "bash", "-c", "ls"], SPECS, "run");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect([flagBoolean(parsed.flags, "stdin"), flagBoolean(parsed.flags, "tty"), flagBoolean(parsed.flags, "rm")]).toEqual([true, true, true]);
    expect(parsed.flags.positionals).toEqual(["netshoot"]);
    expect(parsed.flags.command).toEqual(["bash", "-c", "ls"]);
  });

  test("repeated flags keep every value", () => {
    const parsed = parseFlags(["-f", "a.yaml", "--filename=b.yaml"], SPECS, "apply");
    expect(parsed.ok && flagValues(parsed.flags, "filename")).toEqual(["a.yaml", "b.yaml"]);
  });

  test.each([
    ["an unknown long flag", ["--foo"], "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n"],
    ["an unknown shorthand", ["-x"], "error: unknown shorthand flag: 'x' in -x\nSee 'kubectl get --help' for usage.\n"],
    ["a missing value", ["--output"], "error: flag needs an argument: --output\nSee 'kubectl get --help' for usage.\n"],
  ])("reports %s as kubectl does", (_label, args, message) => {
    expect(parseFlags(args, SPECS, "get")).toEqual({ ok: false, message });
  });
});
