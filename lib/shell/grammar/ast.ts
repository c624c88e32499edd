/**
 * The shell grammar the simulated terminal understands: a practical subset of POSIX sh
 * (https://pubs.opengroup.org/onlinepubs/9699919799/utilities/V3_chap02.html) — lists joined by `;`, `&&`
 * and `||`, pipelines, quoting, `$VAR` expansion, redirections, comments and here-documents.
 */

/** A piece of a word, kept with its quoting so expansion happens at run time, as the shell does it. */
export type WordPart =
  | { kind: "literal"; text: string; quoted: boolean }
  | { kind: "variable"; name: string; quoted: boolean }
  /** `$(command)`: the script's output, trailing newlines removed (§2.6.3 Command Substitution). */
  | { kind: "command"; script: string; quoted: boolean };

export interface Word {
  parts: WordPart[];
}

export type RedirectOp = ">" | ">>" | "<" | ">&";

export interface Redirect {
  /** The file descriptor redirected: 0 stdin, 1 stdout, 2 stderr. */
  fd: number;
  op: RedirectOp;
  target: Word;
}

export interface HereDoc {
  delimiter: string;
  /** Quoted delimiters (`<<'EOF'`) turn off expansion in the body. */
  expand: boolean;
  /** `<<-` strips leading tabs. */
  stripTabs: boolean;
  body: string;
}

export interface SimpleCommand {
  assignments: { name: string; value: Word }[];
  words: Word[];
  redirects: Redirect[];
  hereDoc?: HereDoc;
}

export interface Pipeline {
  commands: SimpleCommand[];
}

export interface AndOrList {
  first: Pipeline;
  rest: { op: "&&" | "||"; pipeline: Pipeline }[];
  /** Terminated by `&`: run as a background job (§2.9.3 Asynchronous Lists). */
  background?: boolean;
}

export interface Script {
  lists: AndOrList[];
}
