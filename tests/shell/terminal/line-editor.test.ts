import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { LineEditor, commonPrefix, formatColumns, type Completer } from "@/lib/shell/terminal/line-editor";
import { History } from "@/lib/shell/terminal/history";

const KEY = {
  left: "\x1b[D",
  right: "\x1b[C",
  up: "\x1b[A",
  down: "\x1b[B",
  home: "\x1b[H",
  end: "\x1b[F",
  del: "\x1b[3~",
  backspace: "\x7f",
  ctrlA: "\x01",
  ctrlE: "\x05",
  ctrlU: "\x15",
  ctrlK: "\x0b",
  ctrlW: "\x17",
  ctrlC: "\x03",
  ctrlD: "\x04",
  altB: "\x1bb",
  altF: "\x1bf",
};

function typed(keys: string[], editor = new LineEditor()): LineEditor {
  editor.start("$ ");
  for (const k of keys) editor.feed(k);
  return editor;
}

describe("LineEditor editing keys (readline emacs mode)", () => {
  test.each([
    { label: "typing inserts", keys: ["kubectl"], line: "kubectl", cursor: 7 },
    { label: "left then insert", keys: ["kubctl", KEY.left, KEY.left, KEY.left, "e"], line: "kubectl", cursor: 4 },
    { label: "backspace deletes before the cursor", keys: ["getx", KEY.backspace], line: "get", cursor: 3 },
    { label: "delete removes under the cursor", keys: ["getx", KEY.left, KEY.del], line: "get", cursor: 3 },
    { label: "Ctrl-A then type", keys: ["get pods", KEY.ctrlA, "kubectl "], line: "kubectl get pods", cursor: 8 },
    { label: "Home/End", keys: ["abc", KEY.home, KEY.end, "d"], line: "abcd", cursor: 4 },
    { label: "Ctrl-E moves to end", keys: ["abc", KEY.ctrlA, KEY.ctrlE, "!"], line: "abc!", cursor: 4 },
    { label: "Ctrl-U kills to start", keys: ["kubectl get", KEY.left, KEY.left, KEY.left, KEY.ctrlU], line: "get", cursor: 0 },
    { label: "Ctrl-K kills to end", keys: ["kubectl get", KEY.ctrlA, KEY.right, KEY.ctrlK], line: "k", cursor: 1 },
    { label: "Ctrl-W deletes the previous word", keys: ["kubectl get pods", KEY.ctrlW], line: "kubectl get ", cursor: 12 },
    { label: "Ctrl-W over trailing spaces", keys: ["kubectl get  ", KEY.ctrlW], line: "kubectl ", cursor: 8 },
    { label: "Alt-B / Alt-F move by words", keys: ["get svc web", KEY.altB, KEY.altB, KEY.altF], line: "get svc web", cursor: 7 },
    { label: "Ctrl-D deletes under the cursor on a non-empty line", keys: ["ab", KEY.left, KEY.ctrlD], line: "a", cursor: 1 },
    { label: "backspace at start does nothing", keys: ["a", KEY.home, KEY.backspace], line: "a", cursor: 0 },
  ])("$label", ({ keys, line, cursor }) => {
    const editor = typed(keys);
    expect(editor.line()).toBe(line);
    expect(editor.cursorOffset()).toBe(cursor);
  });

  test("a prompt that follows output on the same row is redrawn from its own column, keeping the output", () => {
    // bash prints the prompt right after output without a final newline (`-o jsonpath='{.spec.ports[0].port}'`
    // prints `80`); readline redraws relative to where the prompt began, so the `80` stays on screen.
    const editor = new LineEditor(new History(["kubectl get svc"]));
    expect(editor.start("$ ", "", 2)).toBe("$ ");
    editor.feed("ab");
    const redraw = editor.feed(KEY.backspace).events.map((e) => (e.type === "output" ? e.text : "")).join("");
    expect(redraw).toBe("\r\x1b[2C\x1b[J$ a");
    const recalled = editor.feed(KEY.up).events.map((e) => (e.type === "output" ? e.text : "")).join("");
    expect(recalled).toBe("\r\x1b[2C\x1b[J$ kubectl get svc");
    // The next prompt, after a newline, starts at column 0 again.
    editor.start("$ ");
    editor.feed("x");
    expect(editor.feed(KEY.backspace).events.map((e) => (e.type === "output" ? e.text : "")).join("")).toBe("\r\x1b[J$ ");
  });

  test("Enter submits the line and records it in history", () => {
    const editor = new LineEditor();
    editor.start("$ ");
    const { events } = editor.feed("kubectl get pods\r");
    expect(events.filter((e) => e.type === "submit")).toEqual([{ type: "submit", line: "kubectl get pods" }]);
    expect(editor.history.list()).toEqual(["kubectl get pods"]);
  });

  test("pasted lines are handed back one at a time", () => {
    const editor = new LineEditor();
    editor.start("$ ");
    const first = editor.feed("echo a\r\necho b\r");
    expect(first.events.at(-1)).toEqual({ type: "submit", line: "echo a" });
    expect(first.rest).toBe("echo b\r");
    editor.start("$ ");
    expect(editor.feed(first.rest).events.at(-1)).toEqual({ type: "submit", line: "echo b" });
  });

  test("Ctrl-C abandons the line and prints ^C", () => {
    const editor = typed(["kubectl delete ns prod"]);
    const { events } = editor.feed(KEY.ctrlC);
    expect(events.map((e) => e.type)).toEqual(["output", "interrupt"]);
    expect((events[0] as { text: string }).text).toContain("^C\r\n");
    expect(editor.history.list()).toEqual([]);
  });

  test("Ctrl-D on an empty line is end of input", () => {
    const editor = typed([]);
    expect(editor.feed(KEY.ctrlD).events.map((e) => e.type)).toEqual(["output", "eof"]);
  });

  test("Ctrl-L clears the screen and redraws the prompt and line", () => {
    const editor = typed(["get"]);
    const { events } = editor.feed("\x0c");
    expect(events).toEqual([{ type: "output", text: "\x1b[H\x1b[2J$ get" }]);
  });
});

describe("History", () => {
  test("up/down browse entries and come back to the draft", () => {
    const editor = new LineEditor(new History(["kubectl get pods", "kubectl get svc"]));
    editor.start("$ ");
    editor.feed("kub");
    editor.feed(KEY.up);
    expect(editor.line()).toBe("kubectl get svc");
    editor.feed(KEY.up);
    expect(editor.line()).toBe("kubectl get pods");
    editor.feed(KEY.up);
    expect(editor.line()).toBe("kubectl get pods");
    editor.feed(KEY.down);
    editor.feed(KEY.down);
    expect(editor.line()).toBe("kub");
  });

  test("duplicates in a row and blank lines are not recorded", () => {
    const history = new History();
    for (const line of ["a", "a", " ", "b", "a"]) history.add(line);
    expect(history.list()).toEqual(["a", "b", "a"]);
  });

  test("keeps at most the limit", () => {
    const history = new History([], 3);
    for (const line of ["1", "2", "3", "4"]) history.add(line);
    expect(history.list()).toEqual(["2", "3", "4"]);
  });
});

describe("Tab completion", () => {
  const words = ["pods", "persistentvolumes", "services", "serviceaccounts"];
  const completer: Completer = (line, cursor) => {
    const start = line.lastIndexOf(" ", cursor - 1) + 1;
    const prefix = line.slice(start, cursor);
    return { start, end: cursor, candidates: words.filter((w) => w.startsWith(prefix)) };
  };

  test("a single candidate completes with a trailing space", () => {
    const editor = typed(["kubectl get po", "\t"], new LineEditor(new History(), completer));
    expect(editor.line()).toBe("kubectl get pods ");
  });

  test("several candidates extend to the common prefix; a second Tab lists them", () => {
    const editor = new LineEditor(new History(), completer);
    editor.start("$ ");
    editor.feed("kubectl get s");
    editor.feed("\t");
    expect(editor.line()).toBe("kubectl get service");
    const { events } = editor.feed("\t");
    const text = events.map((e) => (e.type === "output" ? e.text : "")).join("");
    expect(text).toContain("serviceaccounts");
    expect(text).toContain("services");
    expect(editor.line()).toBe("kubectl get service");
  });

  test("no candidate rings the bell", () => {
    const editor = new LineEditor(new History(), completer);
    editor.start("$ ");
    editor.feed("kubectl get x");
    expect(editor.feed("\t").events).toEqual([{ type: "output", text: "\x07" }]);
  });

  test.each([
    { values: ["services", "serviceaccounts"], want: "service" },
    { values: ["a"], want: "a" },
    { values: ["abc", "xyz"], want: "" },
  ])("commonPrefix($values) = $want", ({ values, want }) => {
    expect(commonPrefix(values)).toBe(want);
  });

  test("formatColumns fills columns top to bottom", () => {
    expect(formatColumns(["a", "b", "c", "d"], 6)).toBe("a  c\r\nb  d\r\n");
  });
});

test("arbitrary key input never throws and keeps the cursor inside the line", () => {
  const key = fc.oneof(fc.constantFrom(...Object.values(KEY), "\t", "\x0c", "\r"), fc.string({ maxLength: 4 }));
  fc.assert(
    fc.property(fc.array(key, { maxLength: 50 }), fc.integer({ min: 2, max: 200 }), (keys, cols) => {
      const editor = new LineEditor(new History(), () => ({ start: 0, end: 0, candidates: ["x", "xy"] }), cols);
      editor.start("user@host:~$ ");
      for (const k of keys) {
        const { rest } = editor.feed(k);
        if (rest.length > 0) editor.feed(rest);
        expect(editor.cursorOffset()).toBeGreaterThanOrEqual(0);
        expect(editor.cursorOffset()).toBeLessThanOrEqual(editor.line().length);
      }
    }),
    { numRuns: 1000 },
  );
});
