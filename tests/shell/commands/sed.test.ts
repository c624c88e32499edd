import { describe, expect, test } from "vitest";
import { sed } from "@/lib/shell/commands/sed";

/** GNU sed's s command (GNU sed manual, "The s Command" and "Overview of basic regular expression syntax"). */
function run(argv: string[], stdin = "", files: Record<string, string> = {}) {
  const store = { ...files };
  const session = {
    readFile: (path: string) => store[path],
    writeFile: (path: string, text: string) => {
      if (!(path in store)) return false;
      store[path] = text;
      return true;
    },
  };
  return { result: sed({ argv: ["sed", ...argv], stdin, env: {}, stdoutIsTerminal: true, session }), files: store };
}

describe("sed", () => {
  test.each([
    ["the first match on each line", ["s/a/b/"], "aaa\naa\n", "baa\nba\n"],
    ["every match with g", ["s/a/b/g"], "aaa\n", "bbb\n"],
    ["the Nth match", ["s/a/b/2"], "aaa\n", "aba\n"],
    ["the Nth match and the rest with Ng", ["s/a/b/2g"], "aaaa\n", "abbb\n"],
    ["case-insensitively with I", ["s/A/b/I"], "aA\n", "bA\n"],
    ["& for the match", ["s/[0-9][0-9]*/<&>/"], "port 80\n", "port <80>\n"],
    ["BRE groups \\( \\) and \\1", ["s/\\(a*\\)b/\\1c/"], "aab\n", "aac\n"],
    ["a literal ( in a BRE", ["s/(x)/y/"], "(x)\n", "y\n"],
    ["ERE groups with -E", ["-E", "s/(a+)b/\\1c/"], "aab\n", "aac\n"],
    ["another delimiter", ["s|/usr|/opt|"], "/usr/bin\n", "/opt/bin\n"],
    ["an escaped delimiter", ["s/\\//:/g"], "a/b/c\n", "a:b:c\n"],
    ["anchors", ["s/80$/8080/"], "port: 80\nport: 800\n", "port: 8080\nport: 800\n"],
    ["several commands separated by ;", ["s/a/b/;s/b/c/"], "a\n", "c\n"],
    ["several -e scripts", ["-e", "s/a/b/", "-e", "s/x/y/"], "ax\n", "by\n"],
    ["-n with p prints only the changed lines", ["-n", "s/a/b/p"], "a\nc\n", "b\n"],
    ["a last line without a newline", ["s/a/b/"], "a", "b"],
  ])("replaces %s", (_label, argv, stdin, stdout) => {
    expect(run(argv, stdin).result).toEqual({ stdout, stderr: "", exitCode: 0 });
  });

  test("-i rewrites the file and prints nothing", () => {
    const { result, files } = run(["-i", "s/80/8080/", "svc.yaml"], "", { "svc.yaml": "port: 80\n" });
    expect(result).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    expect(files["svc.yaml"]).toBe("port: 8080\n");
  });

  test("reads named files", () => {
    expect(run(["s/a/b/", "f"], "", { f: "a\n" }).result).toEqual({ stdout: "b\n", stderr: "", exitCode: 0 });
  });

  test.each([
    ["an unterminated s command", ["s/a/b"], "sed: -e expression #1, char 5: unterminated `s' command\n", 1],
    ["an unknown command", ["k"], "sed: -e expression #1, char 1: unknown command: `k'\n", 1],
    ["a GNU command this subset lacks", ["y/a/b/"], "sed: -e expression #1, char 1: only the s command is available in this terminal's sed\n", 1],
    ["a zero occurrence", ["s/a/b/0"], "sed: -e expression #1, char 7: number option to `s' command may not be zero\n", 1],
    ["an unknown s flag", ["s/a/b/q"], "sed: -e expression #1, char 7: unknown option to `s'\n", 1],
    ["a missing file", ["s/a/b/", "nope"], "sed: can't read nope: No such file or directory\n", 2],
    ["-i without a file", ["-i", "s/a/b/"], "sed: no input files\n", 4],
  ])("reports %s as GNU sed does", (_label, argv, stderr, exitCode) => {
    expect(run(argv).result).toMatchObject({ stderr, exitCode });
  });
});
