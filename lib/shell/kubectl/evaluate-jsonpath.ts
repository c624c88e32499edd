/**
 * kubectl's JSONPath templates (https://kubernetes.io/docs/reference/kubectl/jsonpath/, k8s.io/client-go
 * util/jsonpath): text outside braces is printed as is; `{.a.b}`, `{.items[*].metadata.name}`, `[0]`, `[-1]`,
 * `['key']`, `[?(@.type=="Ready")]` filters, `{range …}{end}` and `{"\n"}` literals. Several results of one
 * expression are joined by a space; maps and lists print as compact JSON; a missing key prints nothing
 * (kubectl get sets allowMissingKeys).
 */
export type JsonPathResult = { ok: true; text: string } | { ok: false; message: string };

type Node = { kind: "text"; text: string } | { kind: "path"; path: string } | { kind: "range"; path: string; body: Node[] };

function parseTemplate(template: string): { nodes: Node[] } | { error: string } {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf("{", i);
    if (open < 0) {
      stack[stack.length - 1].push({ kind: "text", text: template.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1].push({ kind: "text", text: template.slice(i, open) });
    const close = findClose(template, open + 1);
    if (close < 0) return { error: `unclosed action` };
    const inner = template.slice(open + 1, close).trim();
    i = close + 1;
    if (inner.startsWith("range ")) {
      const body: Node[] = [];
      stack[stack.length - 1].push({ kind: "range", path: inner.slice(6).trim(), body });
      stack.push(body);
    } else if (inner === "end") {
      if (stack.length === 1) return { error: "not in range, nothing to end" };
      stack.pop();
    } else if (/^"(.*)"$/s.test(inner) || /^'(.*)'$/s.test(inner)) {
      stack[stack.length - 1].push({ kind: "text", text: unescape(inner.slice(1, -1)) });
    } else stack[stack.length - 1].push({ kind: "path", path: inner });
  }
  return { nodes: root };
}

function findClose(text: string, from: number): number {
  let quote: string | undefined;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "}") return i;
  }
  return -1;
}

function unescape(text: string): string {
  return text.replace(/\\([nt"'\\])/g, (_m, c: string) => (c === "n" ? "\n" : c === "t" ? "\t" : c));
}

/** Splits `.items[*].metadata.name` into steps: field names, indexes, wildcards and filters. */
function parseSteps(path: string): string[] {
  const steps: string[] = [];
  let i = path.startsWith("$") ? 1 : 0;
  while (i < path.length) {
    if (path[i] === ".") {
      i++;
      let name = "";
      // `\.` keeps a dot inside a key: {.metadata.labels.kubernetes\.io/hostname}.
      while (i < path.length && path[i] !== "." && path[i] !== "[") name += path[i] === "\\" && i + 1 < path.length ? path[(i += 2) - 1] : path[i++];
      if (name) steps.push(name);
    } else if (path[i] === "[") {
      const close = findBracket(path, i);
      steps.push(path.slice(i, close + 1));
      i = close + 1;
    } else {
      let name = "";
      while (i < path.length && path[i] !== "." && path[i] !== "[") name += path[i++];
      if (name) steps.push(name);
    }
  }
  return steps;
}

function findBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "[") depth++;
    if (text[i] === "]" && --depth === 0) return i;
  }
  return text.length - 1;
}

function applyStep(values: unknown[], step: string): unknown[] {
  const out: unknown[] = [];
  for (const value of values) {
    if (!step.startsWith("[")) {
      if (step === "*" && value && typeof value === "object") out.push(...Object.values(value));
      else if (value && typeof value === "object" && !Array.isArray(value) && step in value) out.push((value as Record<string, unknown>)[step]);
      continue;
    }
    const inner = step.slice(1, -1).trim();
    const quoted = /^['"](.*)['"]$/.exec(inner);
    if (quoted) {
      if (value && typeof value === "object" && quoted[1] in value) out.push((value as Record<string, unknown>)[quoted[1]]);
      continue;
    }
    if (!Array.isArray(value)) continue;
    if (inner === "*") out.push(...value);
    else if (/^-?\d+$/.test(inner)) {
      const index = Number(inner);
      const item = value[index < 0 ? value.length + index : index];
      if (item !== undefined) out.push(item);
    } else if (/^-?\d*:-?\d*$/.test(inner)) {
      const [from, to] = inner.split(":");
      out.push(...value.slice(from ? Number(from) : 0, to ? Number(to) : undefined));
    } else if (inner.startsWith("?(")) out.push(...value.filter((item) => matchFilter(item, inner.slice(2, -1))));
  }
  return out;
}

function matchFilter(item: unknown, expression: string): boolean {
  const match = /^@((?:\.[A-Za-z0-9_-]+)+)\s*(==|!=)\s*(?:"([^"]*)"|'([^']*)'|(\S+))$/.exec(expression.trim());
  if (match) {
    const actual = evaluatePath(match[1], item)[0];
    const expected = match[3] ?? match[4] ?? match[5];
    const equal = String(actual) === expected;
    return match[2] === "==" ? equal : !equal;
  }
  const exists = /^@((?:\.[A-Za-z0-9_-]+)+)$/.exec(expression.trim());
  return exists ? evaluatePath(exists[1], item).length > 0 : false;
}

function evaluatePath(path: string, data: unknown): unknown[] {
  if (path === "@" || path === "." || path === "$") return [data];
  const start = path.startsWith("@") ? path.slice(1) : path;
  return parseSteps(start).reduce<unknown[]>((values, step) => applyStep(values, step), [data]);
}

/** Go's fmt of a JSONPath result: strings raw, everything else as encoding/json prints it. */
function formatValue(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value) ?? "";
}

function render(nodes: readonly Node[], data: unknown): string {
  let text = "";
  for (const node of nodes) {
    if (node.kind === "text") text += node.text;
    else if (node.kind === "path") text += evaluatePath(node.path, data).map(formatValue).join(" ");
    else for (const item of evaluatePath(node.path, data)) text += render(node.body, item);
  }
  return text;
}

/**
 * The values one JSONPath expression finds (`{.status.podIPs}` or, relaxed as kubectl accepts it in
 * custom-columns, `.status.podIPs`), for printers that format each value themselves.
 */
export function findJsonPathValues(expression: string, data: unknown): unknown[] {
  const trimmed = expression.trim();
  const inner = trimmed.startsWith("{") && trimmed.endsWith("}") ? trimmed.slice(1, -1).trim() : trimmed;
  return evaluatePath(inner.startsWith(".") || inner.startsWith("@") || inner.startsWith("$") ? inner.replace(/^\$/, "") || "." : `.${inner}`, data);
}

export function evaluateJsonPath(template: string, data: unknown): JsonPathResult {
  const parsed = parseTemplate(template);
  if ("error" in parsed) return { ok: false, message: `error: error parsing jsonpath ${template}, ${parsed.error}` };
  return { ok: true, text: render(parsed.nodes, data) };
}
