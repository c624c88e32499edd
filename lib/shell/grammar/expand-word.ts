import type { Word } from "./ast";

/**
 * Parameter expansion and field splitting (Shell Command Language §2.6.2, §2.6.5): `$NAME` is replaced by its
 * value; unquoted expansions are split on blanks, quoted ones are not; an unset variable expands to nothing.
 * Returns the fields the word becomes (an unquoted empty expansion yields no field at all). `$(…)` is replaced by
 * what `substitute` returns for its script, without trailing newlines, and split like a variable (§2.6.3).
 */
export function expandWord(word: Word, env: Readonly<Record<string, string>>, substitute?: (script: string) => string): string[] {
  const fields: string[] = [];
  let current = "";
  let hasField = false;
  for (const part of word.parts) {
    if (part.kind === "literal") {
      current += part.text;
      hasField = hasField || part.quoted || part.text.length > 0;
      continue;
    }
    const value = part.kind === "variable" ? lookupVariable(env, part.name) : (substitute?.(part.script) ?? "").replace(/\n+$/, "");
    if (part.quoted) {
      current += value;
      hasField = true;
      continue;
    }
    const pieces = value.split(/[ \t\n]+/);
    pieces.forEach((piece, index) => {
      if (index > 0 && (hasField || current.length > 0)) {
        fields.push(current);
        current = "";
        hasField = false;
      }
      current += piece;
      hasField = hasField || piece.length > 0;
    });
  }
  if (hasField || current.length > 0) fields.push(current);
  return fields;
}

/** Expansion inside an unquoted here-document body: `$NAME` and `${NAME}` only, no splitting. */
export function expandHereDoc(body: string, env: Readonly<Record<string, string>>): string {
  return body.replace(/\\([$\\`])|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*|\?)/g, (_m, escaped, braced, bare) =>
    escaped ?? lookupVariable(env, braced ?? bare),
  );
}

/** A variable's value, or empty when unset; names such as `toString` are variables, not Object.prototype members. */
function lookupVariable(env: Readonly<Record<string, string>>, name: string): string {
  return Object.prototype.hasOwnProperty.call(env, name) ? env[name] : "";
}
