import { builtinModules } from "node:module";
import path from "node:path";
import ts from "typescript";

export interface Violation {
  line: number;
  rule: string;
}

const FORBIDDEN_PACKAGES = [
  /^react(-dom)?(\/|$)/,
  /^next(\/|$)/,
  /^@prisma\//,
  /^@xterm\//,
  /^@codemirror\//,
  /^codemirror$/,
  /^server-only$/,
  /^mdx-bundler/,
  /^better-sqlite3$/,
  /^pg$/,
  /^node:/,
  /^@\/(app|components|lib\/db|lib\/content|lib\/generated|lib\/env)(\/|$)/,
];
const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, name.split("/")[0]]));

/** Browser-only and Node-only globals, plus the non-deterministic clock and randomness. */
const FORBIDDEN_GLOBALS = new Set([
  "window",
  "document",
  "navigator",
  "localStorage",
  "sessionStorage",
  "HTMLElement",
  "Element",
  "process",
  "Buffer",
  "require",
  "__dirname",
  "__filename",
  "global",
  "setImmediate",
]);
const NON_DETERMINISTIC = new Set(["Math.random", "Date.now", "performance.now", "crypto.randomUUID", "crypto.getRandomValues"]);

const PURE_ROOTS = ["lib/sim", "lib/grader", "lib/shell"];

/**
 * Checks one pure-core file: what it imports (no UI, framework, database or Node module, and no
 * relative path out of the pure core) and which globals it touches.
 */
export function scanPureSource(file: string, text: string, rootDir: string): Violation[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const violations: Violation[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const declared = new Set<string>();

  const checkSpecifier = (specifier: string, node: ts.Node) => {
    if (FORBIDDEN_PACKAGES.some((pattern) => pattern.test(specifier)) || NODE_BUILTINS.has(specifier.split("/")[0])) {
      violations.push({ line: lineOf(node), rule: `imports "${specifier}"` });
      return;
    }
    const target = specifier.startsWith(".")
      ? path.relative(rootDir, path.resolve(path.dirname(path.join(rootDir, file)), specifier)).split(path.sep).join("/")
      : specifier.startsWith("@/")
        ? specifier.slice(2)
        : undefined;
    if (target !== undefined && !PURE_ROOTS.some((root) => target === root || target.startsWith(`${root}/`))) {
      violations.push({ line: lineOf(node), rule: `imports "${specifier}" from outside the pure core` });
    }
  };

  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      checkSpecifier(node.moduleSpecifier.text, node);
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteral(node.arguments[0])) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) checkSpecifier(node.arguments[0].text, node);
    } else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
      const name = `${node.expression.text}.${node.name.text}`;
      if (NON_DETERMINISTIC.has(name)) violations.push({ line: lineOf(node), rule: `uses ${name} (use the simulator's seed or clock)` });
    } else if (ts.isIdentifier(node) && FORBIDDEN_GLOBALS.has(node.text) && isGlobalReference(node) && !declared.has(node.text)) {
      violations.push({ line: lineOf(node), rule: `uses the global ${node.text}` });
    }
    ts.forEachChild(node, visit);
  };

  const collectDeclarations = (node: ts.Node) => {
    const name = (node as { name?: ts.Node }).name;
    if (name && ts.isIdentifier(name) && (ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isImportSpecifier(node))) {
      declared.add(name.text);
    }
    ts.forEachChild(node, collectDeclarations);
  };
  collectDeclarations(source);
  visit(source);
  return violations;
}

/** An identifier read as a value, not a property name, member, type or label. */
function isGlobalReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent) || ts.isMethodSignature(parent)) && parent.name === node) return false;
  if (ts.isTypeReferenceNode(parent) || ts.isQualifiedName(parent) || ts.isEnumMember(parent) || ts.isLabeledStatement(parent)) return false;
  if (ts.isShorthandPropertyAssignment(parent)) return true;
  if (ts.isBindingElement(parent) && parent.propertyName === node) return false;
  return true;
}
