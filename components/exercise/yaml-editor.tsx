"use client";

import { useEffect, useRef } from "react";
import { basicSetup } from "codemirror";
import { EditorView, Decoration, type DecorationSet } from "@codemirror/view";
import { EditorState, StateEffect, StateField, type Extension } from "@codemirror/state";
import { yaml } from "@codemirror/lang-yaml";
import { linter, lintGutter, type Diagnostic as CmDiagnostic } from "@codemirror/lint";
import { autocompletion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { suggestManifestFields } from "@/lib/grader/suggest-manifest-fields";

export interface EditorDiagnostic {
  line: number;
  column: number;
  message: string;
  severity: "error" | "warning";
}

interface YamlEditorProps {
  value: string;
  onChange(value: string): void;
  /** Diagnostics for the current text: parse and API validation errors, computed by the simulator. */
  diagnose(text: string): EditorDiagnostic[];
  /** A line a failed check points at: highlighted and scrolled into view. */
  highlightLine?: number;
  label: string;
  /** Wrap long lines instead of scrolling sideways (kubectl edit's buffer holds one-line JSON annotations). */
  lineWrapping?: boolean;
}

const setHighlight = StateEffect.define<number | undefined>();

/** One highlighted line, moved by effects, mapped through edits. */
const highlightField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, transaction) {
    let next = decorations.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (!effect.is(setHighlight)) continue;
      const line = effect.value;
      next =
        line && line <= transaction.state.doc.lines
          ? Decoration.set([Decoration.line({ class: "cm-failing-line" }).range(transaction.state.doc.line(line).from)])
          : Decoration.none;
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

function completeFields(context: CompletionContext): CompletionResult | null {
  const result = suggestManifestFields(context.state.doc.toString(), context.pos);
  if (!result || (result.from === context.pos && !context.explicit)) return null;
  return {
    from: result.from,
    options: result.options.map((o) => ({ label: o.label, detail: o.detail, apply: o.apply, type: "property" })),
    validFor: /^[A-Za-z0-9./]*$/,
  };
}

/**
 * The exercise's YAML editor: CodeMirror 6 with YAML highlighting, line numbers, completion of the fields the
 * API accepts, and the simulator's parser and validator as a linter, so mistakes show while typing.
 */
export function YamlEditor({ value, onChange, diagnose, highlightLine, label, lineWrapping }: YamlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const callbacks = useRef({ onChange, diagnose });

  useEffect(() => {
    callbacks.current = { onChange, diagnose };
  }, [onChange, diagnose]);

  useEffect(() => {
    if (!host.current) return;
    const extensions: Extension[] = [
      basicSetup,
      yaml(),
      lintGutter(),
      linter(
        (v) =>
          callbacks.current.diagnose(v.state.doc.toString()).map((d): CmDiagnostic => {
            const line = v.state.doc.line(Math.min(Math.max(1, d.line), v.state.doc.lines));
            const from = Math.min(line.from + Math.max(0, d.column - 1), line.to);
            return { from, to: Math.max(from, line.to), severity: d.severity, message: d.message };
          }),
        { delay: 250 },
      ),
      autocompletion({ override: [completeFields] }),
      highlightField,
      EditorView.updateListener.of((update) => {
        if (update.docChanged) callbacks.current.onChange(update.state.doc.toString());
      }),
      EditorView.contentAttributes.of({ "aria-label": label }),
      EditorState.tabSize.of(2),
      ...(lineWrapping ? [EditorView.lineWrapping] : []),
    ];
    const editor = new EditorView({ state: EditorState.create({ doc: value, extensions }), parent: host.current });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor owns its document after creation; outside changes arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [label, lineWrapping]);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [value]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const effects: StateEffect<unknown>[] = [setHighlight.of(highlightLine)];
    if (highlightLine && highlightLine <= editor.state.doc.lines) {
      effects.push(EditorView.scrollIntoView(editor.state.doc.line(highlightLine).from, { y: "center" }));
    }
    editor.dispatch({ effects });
  }, [highlightLine]);

  return <div ref={host} className="yaml-editor" data-testid="yaml-editor" />;
}
