/**
 * kubectl's go-template output (`-o go-template=…`, `--template=…`; k8s.io/cli-runtime pkg/printers
 * template.go GoTemplatePrinter over Go's text/template), for the templates the Kubernetes documentation
 * uses: `{{.status.podIP}}`, `{{range .items}}…{{end}}`, `{{if …}}…{{else}}…{{end}}`, `{{"\n"}}`,
 * `{{(index (index .spec.containers 0).ports 0).containerPort}}`, `{{len .items}}`, `$` for the root,
 * and `{{-`/`-}}` trimming. Values print as Go's fmt %v prints the decoded JSON: a missing map key is
 * `<no value>`, maps are `map[k:v]` with sorted keys, lists `[a b]`.
 */
import { formatGoValue } from "../format/format-go-value";

export type GoTemplateResult = { ok: true; text: string } | { ok: false; message: string };

type Expr =
  | { kind: "field"; base: Expr | undefined; path: string[] }
  | { kind: "root" }
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  | { kind: "call"; name: string; args: Expr[] };

type Node =
  | { kind: "text"; text: string }
  | { kind: "print"; expr: Expr }
  | { kind: "range"; expr: Expr; body: Node[]; otherwise: Node[] }
  | { kind: "if"; expr: Expr; body: Node[]; otherwise: Node[] };

class TemplateError extends Error {}

const FUNCTIONS = new Set(["index", "len", "not", "and", "or", "eq", "ne", "printf", "print", "println"]);

/** Splits the template into text and actions, applying the `{{-` and `-}}` whitespace trims. */
function lex(template: string): { text?: string; action?: string }[] {
  const parts: { text?: string; action?: string }[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf("{{", i);
    if (open < 0) {
      parts.push({ text: template.slice(i) });
      break;
    }
    let text = template.slice(i, open);
    let start = open + 2;
    if (template.startsWith("- ", start) || (template[start] === "-" && /\s/.test(template[start + 1] ?? ""))) {
      text = text.replace(/\s+$/, "");
      start += 1;
    }
    if (text) parts.push({ text });
    const close = findClose(template, start);
    if (close < 0) throw new TemplateError("unclosed action");
    let inner = template.slice(start, close);
    let next = close + 2;
    if (/\s-$/.test(inner)) {
      inner = inner.slice(0, -1);
      while (next < template.length && /\s/.test(template[next])) next++;
    }
    parts.push({ action: inner.trim() });
    i = next;
  }
  return parts;
}

/** The `}}` closing an action, skipping quoted strings. */
function findClose(template: string, from: number): number {
  let quote: string | undefined;
  for (let i = from; i < template.length; i++) {
    const c = template[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "`") quote = c;
    else if (c === "}" && template[i + 1] === "}") return i;
  }
  return -1;
}

function tokenize(action: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < action.length) {
    const c = action[i];
    if (/\s/.test(c)) i++;
    else if (c === "(" || c === ")") tokens.push(action[i++]);
    else if (c === '"' || c === "`") {
      let j = i + 1;
      while (j < action.length && action[j] !== c) j += action[j] === "\\" && c === '"' ? 2 : 1;
      if (j >= action.length) throw new TemplateError("unterminated quoted string");
      tokens.push(action.slice(i, j + 1));
      i = j + 1;
    } else {
      let j = i;
      while (j < action.length && !/[\s()]/.test(action[j])) j++;
      // A field chain may follow a closing parenthesis: `(index .x 0).ports`.
      tokens.push(action.slice(i, j));
      i = j;
    }
  }
  return tokens;
}

function unquote(token: string): string {
  if (token.startsWith("`")) return token.slice(1, -1);
  return token.slice(1, -1).replace(/\\(.)/g, (_m, c: string) => ({ n: "\n", t: "\t", r: "\r", '"': '"', "\\": "\\" })[c] ?? `\\${c}`);
}

function parseCommand(tokens: string[]): Expr {
  let pos = 0;
  const operand = (): Expr => {
    const token = tokens[pos++];
    if (token === undefined) throw new TemplateError("missing value for command");
    let expr: Expr;
    if (token === "(") {
      expr = pipeline(")");
      if (tokens[pos++] !== ")") throw new TemplateError("unclosed left paren");
      if (tokens[pos]?.startsWith(".")) expr = { kind: "field", base: expr, path: tokens[pos++].split(".").slice(1) };
      return expr;
    }
    if (token.startsWith('"') || token.startsWith("`")) return { kind: "string", value: unquote(token) };
    if (/^-?\d+$/.test(token)) return { kind: "number", value: Number(token) };
    if (token === "$" || token === ".") return token === "$" ? { kind: "root" } : { kind: "field", base: undefined, path: [] };
    if (token.startsWith("$.")) return { kind: "field", base: { kind: "root" }, path: token.split(".").slice(1) };
    if (token.startsWith(".")) return { kind: "field", base: undefined, path: token.split(".").slice(1) };
    throw new TemplateError(`function "${token}" not defined`);
  };
  const pipeline = (stop?: string): Expr => {
    const head = tokens[pos];
    if (head !== undefined && FUNCTIONS.has(head)) {
      pos++;
      const args: Expr[] = [];
      while (pos < tokens.length && tokens[pos] !== stop) args.push(operand());
      return { kind: "call", name: head, args };
    }
    if (head !== undefined && /^[A-Za-z_]\w*$/.test(head)) throw new TemplateError(`function "${head}" not defined`);
    return operand();
  };
  const expr = pipeline();
  if (pos < tokens.length) throw new TemplateError(`unexpected "${tokens[pos]}" in operand`);
  return expr;
}

function parse(template: string): Node[] {
  const root: Node[] = [];
  const stack: { nodes: Node[]; block?: Extract<Node, { kind: "range" | "if" }>; inElse?: boolean }[] = [{ nodes: root }];
  for (const part of lex(template)) {
    const top = stack[stack.length - 1];
    if (part.text !== undefined) {
      top.nodes.push({ kind: "text", text: part.text });
      continue;
    }
    const action = part.action ?? "";
    if (action.startsWith("/*")) continue;
    const [keyword] = action.split(/\s+/, 1);
    if (keyword === "range" || keyword === "if") {
      const block = { kind: keyword, expr: parseCommand(tokenize(action.slice(keyword.length))), body: [], otherwise: [] } as Extract<Node, { kind: "range" | "if" }>;
      top.nodes.push(block);
      stack.push({ nodes: block.body, block });
    } else if (keyword === "else") {
      if (!top.block || top.inElse) throw new TemplateError("unexpected {{else}}");
      stack[stack.length - 1] = { nodes: top.block.otherwise, block: top.block, inElse: true };
    } else if (keyword === "end") {
      if (!top.block) throw new TemplateError("unexpected {{end}}");
      stack.pop();
    } else top.nodes.push({ kind: "print", expr: parseCommand(tokenize(action)) });
  }
  if (stack.length > 1) throw new TemplateError("unexpected EOF");
  return root;
}

const NO_VALUE = Symbol("no value");
type Value = unknown;

function field(value: Value, name: string): Value {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return Object.prototype.hasOwnProperty.call(value, name) ? (value as Record<string, unknown>)[name] : NO_VALUE;
  }
  if (value === NO_VALUE || value === null || value === undefined) return NO_VALUE;
  throw new TemplateError(`can't evaluate field ${name} in type ${goType(value)}`);
}

function goType(value: Value): string {
  if (Array.isArray(value)) return "[]interface {}";
  if (typeof value === "string") return "string";
  if (typeof value === "number") return Number.isInteger(value) ? "int64" : "float64";
  if (typeof value === "boolean") return "bool";
  return "interface {}";
}

function truthy(value: Value): boolean {
  if (value === NO_VALUE || value === null || value === undefined || value === false || value === 0 || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.keys(value as object).length > 0;
  return true;
}

/** Go's fmt %v of a decoded JSON value; a missing map key prints `<no value>` in templates. */
function formatValue(value: Value): string {
  return value === NO_VALUE ? "<no value>" : formatGoValue(value);
}

function evaluate(expr: Expr, dot: Value, root: Value): Value {
  switch (expr.kind) {
    case "root":
      return root;
    case "string":
    case "number":
      return expr.value;
    case "field":
      return expr.path.filter((p) => p !== "").reduce<Value>((v, name) => field(v, name), expr.base ? evaluate(expr.base, dot, root) : dot);
    case "call": {
      const args = expr.args.map((a) => evaluate(a, dot, root));
      switch (expr.name) {
        case "index":
          return args.slice(1).reduce<Value>((v, key) => {
            if (Array.isArray(v)) {
              if (typeof key !== "number" || key < 0 || key >= v.length) throw new TemplateError(`error calling index: index out of range: ${formatValue(key)}`);
              return v[key];
            }
            if (v && typeof v === "object") return Object.prototype.hasOwnProperty.call(v, String(key)) ? (v as Record<string, unknown>)[String(key)] : NO_VALUE;
            throw new TemplateError(`error calling index: can't index item of type ${goType(v)}`);
          }, args[0]);
        case "len": {
          const v = args[0];
          if (typeof v === "string" || Array.isArray(v)) return v.length;
          if (v && typeof v === "object") return Object.keys(v).length;
          throw new TemplateError(`error calling len: len of type ${goType(v)}`);
        }
        case "not":
          return !truthy(args[0]);
        case "and":
          return args.find((a) => !truthy(a)) ?? args[args.length - 1];
        case "or":
          return args.find((a) => truthy(a)) ?? args[args.length - 1];
        case "eq":
          return args.slice(1).some((a) => a === args[0]);
        case "ne":
          return args[0] !== args[1];
        case "print":
          return args.map(formatValue).join("");
        case "println":
          return `${args.map(formatValue).join(" ")}\n`;
        default:
          return formatPrintf(args);
      }
    }
  }
}

/** printf with the verbs templates use: %s, %d, %v, %q and %%. */
function formatPrintf(args: Value[]): string {
  const [format, ...rest] = args;
  let n = 0;
  return String(format).replace(/%[sdvq%]/g, (verb) => (verb === "%%" ? "%" : verb === "%q" ? JSON.stringify(formatValue(rest[n++])) : formatValue(rest[n++])));
}

function execute(nodes: Node[], dot: Value, root: Value): string {
  let out = "";
  for (const node of nodes) {
    if (node.kind === "text") out += node.text;
    else if (node.kind === "print") out += formatValue(evaluate(node.expr, dot, root));
    else if (node.kind === "if") out += truthy(evaluate(node.expr, dot, root)) ? execute(node.body, dot, root) : execute(node.otherwise, dot, root);
    else {
      const value = evaluate(node.expr, dot, root);
      const items = Array.isArray(value) ? value : value && typeof value === "object" ? Object.keys(value).sort().map((k) => (value as Record<string, unknown>)[k]) : [];
      if (value !== NO_VALUE && value !== null && value !== undefined && typeof value !== "object") throw new TemplateError(`range can't iterate over ${formatValue(value)}`);
      out += items.length > 0 ? items.map((item) => execute(node.body, item, root)).join("") : execute(node.otherwise, dot, root);
    }
  }
  return out;
}

/**
 * Runs a template over `data`. Errors follow the shape of kubectl's (`error: error parsing template …`,
 * `error: error executing template "…": template: output:1: …`) without Go's column and node positions.
 */
export function evaluateGoTemplate(template: string, data: unknown): GoTemplateResult {
  let nodes: Node[];
  try {
    nodes = parse(template);
  } catch (e) {
    return { ok: false, message: `error: error parsing template ${template}, template: output:1: ${(e as Error).message}` };
  }
  try {
    return { ok: true, text: execute(nodes, data, data) };
  } catch (e) {
    return { ok: false, message: `error: error executing template "${template}": template: output:1: ${(e as Error).message}` };
  }
}
