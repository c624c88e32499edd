"use client";

import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { Terminal } from "@xterm/xterm";
import { FitAddon } from "@xterm/addon-fit";
import "@xterm/xterm/css/xterm.css";
import { displayWidth } from "@/lib/shell/terminal/display-width";
import { LineEditor } from "@/lib/shell/terminal/line-editor";
import { History } from "@/lib/shell/terminal/history";
import type { TerminalBackend, TerminalEdit } from "./terminal-backend";

/** CodeMirror loads when kubectl edit first opens an editor, not with the terminal. */
const EditBufferPanel = lazy(() => import("./edit-buffer-panel"));

interface XtermTerminalProps {
  backend: TerminalBackend;
  /** Written once before the first prompt: a banner, or the transcript of a restored session. */
  banner?: string;
  label: string;
  /** Called after every command and Ctrl-C, so the page can save the session's log. */
  onCommand?(): void;
  /** Called when the shell exits on the workstation. */
  onEnded?(): void;
  initialHistory?: readonly string[];
}

const THEMES = {
  light: { background: "#f8fafc", foreground: "#0f172a", cursor: "#0f172a", selectionBackground: "#bfdbfe" },
  dark: { background: "#0b1220", foreground: "#e2e8f0", cursor: "#e2e8f0", selectionBackground: "#334155" },
} as const;

/**
 * The in-browser terminal: xterm.js renders, lib/shell's LineEditor edits the line, the backend runs it. Fits its
 * container, follows the site's colour scheme, supports copy and paste, and has xterm's screen-reader mode.
 */
export function XtermTerminal({ backend, banner, label, onCommand, onEnded, initialHistory }: XtermTerminalProps) {
  const host = useRef<HTMLDivElement>(null);
  const [screenReader, setScreenReader] = useState(false);
  const terminalRef = useRef<Terminal | null>(null);
  const [edit, setEdit] = useState<TerminalEdit | undefined>(() => backend.pendingEdit());
  const finishEditRef = useRef<(text: string | null) => void>(() => undefined);

  useEffect(() => {
    if (!host.current) return;
    const dark = window.matchMedia("(prefers-color-scheme: dark)");
    const terminal = new Terminal({
      convertEol: false,
      cursorBlink: true,
      fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
      fontSize: 14,
      theme: dark.matches ? THEMES.dark : THEMES.light,
      screenReaderMode: false,
      scrollback: 5000,
    });
    terminalRef.current = terminal;
    const fit = new FitAddon();
    terminal.loadAddon(fit);
    terminal.open(host.current);
    terminal.textarea?.setAttribute("aria-label", label);
    fit.fit();

    // Ctrl+C is the interrupt key in a terminal, so copying is Ctrl+Shift+C (or Cmd+C), as in desktop terminals;
    // pasting (Ctrl+Shift+V, Cmd+V, the context menu) arrives through xterm's own paste handling.
    terminal.attachCustomKeyEventHandler((event) => {
      const copy = event.type === "keydown" && event.key.toLowerCase() === "c" && ((event.ctrlKey && event.shiftKey) || event.metaKey);
      if (copy && terminal.hasSelection()) {
        void navigator.clipboard?.writeText(terminal.getSelection());
        return false;
      }
      return true;
    });

    const editor = new LineEditor(new History(initialHistory ?? []), (line, cursor) => backend.complete(line, cursor), terminal.cols);
    // The column output leaves the cursor at, so the prompt after output without a final newline starts there.
    let column = 0;
    const write = (text: string) => {
      const lastLine = text.slice(text.lastIndexOf("\n") + 1);
      column = text.includes("\n") ? displayWidth(lastLine) : column + displayWidth(lastLine);
      terminal.write(text.replace(/\r?\n/g, "\r\n"));
    };
    let pending = "";
    const showPrompt = () => {
      terminal.write(editor.start(pending ? "> " : backend.prompt(), "", column % terminal.cols));
      column = 0; // whatever ends this line (Enter, Ctrl-C) moves to a new one
    };

    if (banner) write(banner);
    showPrompt();

    const run = (line: string) => {
      const input = pending ? `${pending}\n${line}` : line;
      const result = backend.execute(input);
      if (result.needsMoreInput) {
        pending = input;
        return;
      }
      pending = "";
      if (result.clearScreen) terminal.clear();
      if (result.text) write(result.text);
      if (result.edit) setEdit(result.edit);
      onCommand?.();
      if (result.ended) onEnded?.();
    };

    // The editor closed: kubectl answers, and either the prompt comes back or the editor reopens.
    finishEditRef.current = (text) => {
      const result = backend.finishEdit(text);
      if (result.text) write(result.text);
      setEdit(result.edit);
      onCommand?.();
      if (!backend.isBusy()) {
        showPrompt();
        terminal.focus();
      }
    };

    const onData = terminal.onData((data) => {
      if (backend.isBusy()) {
        if (data.includes("\x03")) {
          const result = backend.interrupt();
          write(result.text);
          setEdit(result.edit);
          onCommand?.();
        }
        if (!backend.isBusy()) showPrompt();
        return;
      }
      let rest = data;
      while (rest.length > 0) {
        const { events, rest: remaining } = editor.feed(rest);
        rest = remaining;
        for (const event of events) {
          if (event.type === "output") terminal.write(event.text);
          else if (event.type === "submit") run(event.line);
          else if (event.type === "interrupt") pending = "";
          else if (event.type === "eof") run("exit");
        }
        const last = events[events.length - 1];
        if (last && last.type !== "output") {
          if (!backend.isBusy()) showPrompt();
          else break;
        }
      }
    });

    const observer = new ResizeObserver(() => {
      fit.fit();
      editor.resize(terminal.cols);
    });
    observer.observe(host.current);
    const onScheme = () => (terminal.options.theme = dark.matches ? THEMES.dark : THEMES.light);
    dark.addEventListener("change", onScheme);

    return () => {
      dark.removeEventListener("change", onScheme);
      observer.disconnect();
      onData.dispose();
      terminal.dispose();
      terminalRef.current = null;
    };
  }, [backend, banner, label, onCommand, onEnded, initialHistory]);

  useEffect(() => {
    if (terminalRef.current) terminalRef.current.options.screenReaderMode = screenReader;
  }, [screenReader]);

  return (
    <div className="terminal-frame">
      <div className="terminal-toolbar">
        <label>
          <input type="checkbox" checked={screenReader} onChange={(e) => setScreenReader(e.target.checked)} /> Screen-reader mode
        </label>
      </div>
      {edit && (
        <Suspense fallback={<p className="terminal-loading">Opening the editor…</p>}>
          <EditBufferPanel key={edit.file} edit={edit} onSave={(text) => finishEditRef.current(text)} onCancel={() => finishEditRef.current(null)} />
        </Suspense>
      )}
      <div ref={host} className="terminal-host" data-testid="terminal" />
    </div>
  );
}
