"use client";

import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { YamlEditor, type EditorDiagnostic } from "@/components/exercise/yaml-editor";
import type { TerminalEdit } from "./terminal-backend";

interface EditBufferPanelProps {
  edit: TerminalEdit;
  /** Save and close: kubectl reads the file back. */
  onSave(text: string): void;
  /** Close without saving: the file stays as kubectl wrote it. */
  onCancel(): void;
}

/** kubectl reports what is wrong with the saved file itself, as comments when it reopens the editor. */
const noDiagnostics = (): EditorDiagnostic[] => [];

/**
 * The editor `kubectl edit` opens, standing in for vi: the temp file in CodeMirror, saved with the button or
 * Ctrl-S (Cmd-S), closed unsaved with Cancel or Escape. Loaded only when an edit starts.
 */
export default function EditBufferPanel({ edit, onSave, onCancel }: EditBufferPanelProps) {
  const [text, setText] = useState(edit.text);
  const panel = useRef<HTMLElement>(null);

  useEffect(() => {
    const content = panel.current?.querySelector<HTMLElement>(".cm-content");
    content?.focus();
  }, []);

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        onSave(text);
      } else if (event.key === "Escape" && !event.defaultPrevented) {
        event.preventDefault();
        onCancel();
      }
    },
    [onSave, onCancel, text],
  );

  return (
    <section ref={panel} className="terminal-edit" aria-label={`kubectl edit ${edit.title}`} onKeyDown={onKeyDown} data-testid="terminal-edit">
      <header className="terminal-edit-bar">
        <span>
          Editing <strong>{edit.title}</strong> <code>{edit.file}</code>
        </span>
        <span className="terminal-edit-keys">Ctrl-S saves and closes · Escape cancels</span>
      </header>
      <YamlEditor value={text} onChange={setText} diagnose={noDiagnostics} lineWrapping label={`${edit.file}: kubectl edit ${edit.title}`} />
      <div className="terminal-edit-actions">
        <button type="button" onClick={() => onSave(text)} aria-label={`Save and close ${edit.file}`}>
          Save and close
        </button>
        <button type="button" onClick={onCancel} aria-label={`Cancel: close ${edit.file} without saving`}>
          Cancel
        </button>
      </div>
    </section>
  );
}
