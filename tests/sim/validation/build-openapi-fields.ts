import ts from "typescript";
import path from "node:path";

/**
 * Derives the field table of lib/sim/validation/openapi-fields.ts from the TypeScript interfaces that
 * kubernetes-models generates from the Kubernetes OpenAPI document (and from lib/sim/objects/cert-manager.ts
 * for cert-manager's kinds). Type encoding: s string, n number, b boolean, x int-or-string, * anything,
 * `[T` list of T, `{T` map of T, otherwise the name of another entry.
 */
const ROOTS: Record<string, [string, string]> = {
  Namespace: ["kubernetes-models/v1/Namespace", "INamespace"],
  Node: ["kubernetes-models/v1/Node", "INode"],
  Pod: ["kubernetes-models/v1/Pod", "IPod"],
  Service: ["kubernetes-models/v1/Service", "IService"],
  Endpoints: ["kubernetes-models/v1/Endpoints", "IEndpoints"],
  Secret: ["kubernetes-models/v1/Secret", "ISecret"],
  ConfigMap: ["kubernetes-models/v1/ConfigMap", "IConfigMap"],
  Deployment: ["kubernetes-models/apps/v1/Deployment", "IDeployment"],
  ReplicaSet: ["kubernetes-models/apps/v1/ReplicaSet", "IReplicaSet"],
  EndpointSlice: ["kubernetes-models/discovery.k8s.io/v1/EndpointSlice", "IEndpointSlice"],
  Ingress: ["kubernetes-models/networking.k8s.io/v1/Ingress", "IIngress"],
  IngressClass: ["kubernetes-models/networking.k8s.io/v1/IngressClass", "IIngressClass"],
  NetworkPolicy: ["kubernetes-models/networking.k8s.io/v1/NetworkPolicy", "INetworkPolicy"],
  ClusterIssuer: ["@/lib/sim/objects/cert-manager", "ClusterIssuer"],
  Issuer: ["@/lib/sim/objects/cert-manager", "Issuer"],
  Certificate: ["@/lib/sim/objects/cert-manager", "Certificate"],
};

export function goTypeName(symbolName: string): string {
  return symbolName.replace(/^I(?=[A-Z])/, "").replace(/^IoK8s.*?V\d+(?:(?:alpha|beta)\d+)?(?=[A-Z])/, "");
}

export function buildOpenApiFields(root: string): { types: Record<string, Record<string, string>>; roots: Record<string, string> } {
  const entry = path.join(root, "tests/sim/validation/.openapi-roots.ts");
  const source = Object.entries(ROOTS)
    .map(([kind, [module, name]]) => `import type { ${name} as ${kind}Root } from "${module}";`)
    .join("\n") + `\nexport interface Roots { ${Object.keys(ROOTS).map((k) => `${k}: ${k}Root;`).join(" ")} }\n`;
  const host = ts.createCompilerHost({});
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => (path.resolve(file) === entry ? source : readFile(file));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => path.resolve(file) === entry || fileExists(file);
  const program = ts.createProgram([entry], {
    strict: true,
    noEmit: true,
    paths: { "@/*": [root + "/*"] },
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    module: ts.ModuleKind.ESNext,
    target: ts.ScriptTarget.ES2022,
  }, host);
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(entry)!;
  const diagnostics = ts.getPreEmitDiagnostics(program, file);
  if (diagnostics.length > 0) {
    throw new Error(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("\n"));
  }
  const declaration = file.statements.find(ts.isInterfaceDeclaration)!;
  const rootsType = checker.getTypeAtLocation(declaration.name);

  const types: Record<string, Record<string, string>> = {};
  const encode = (type: ts.Type, node: ts.Node, hint: string): string => {
    if (type.isUnion()) {
      const parts = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
      if (parts.every((t) => t.flags & ts.TypeFlags.BooleanLike)) return "b";
      if (parts.every((t) => t.flags & ts.TypeFlags.StringLike)) return "s";
      if (parts.every((t) => t.flags & ts.TypeFlags.NumberLike)) return "n";
      if (parts.every((t) => t.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike))) return "x";
      if (parts.length === 1) return encode(parts[0], node, hint);
      return "*";
    }
    if (type.flags & ts.TypeFlags.StringLike) return "s";
    if (type.flags & ts.TypeFlags.NumberLike) return "n";
    if (type.flags & ts.TypeFlags.BooleanLike) return "b";
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never)) return "*";
    if (checker.isArrayType(type)) return "[" + encode(checker.getTypeArguments(type as ts.TypeReference)[0], node, hint);
    const properties = checker.getPropertiesOfType(type);
    const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
    if (properties.length === 0) return index ? "{" + encode(index.type, node, hint) : "{*";
    const symbol = type.aliasSymbol ?? type.getSymbol();
    const symbolName = symbol?.name ?? "__type";
    const name = symbolName.startsWith("__") ? hint : goTypeName(symbolName);
    if (!types[name]) {
      const fields: Record<string, string> = {};
      types[name] = fields;
      for (const property of properties) {
        const propertyHint = name + property.name.charAt(0).toUpperCase() + property.name.slice(1);
        fields[property.name] = encode(checker.getTypeOfSymbolAtLocation(property, node), node, propertyHint);
      }
    }
    return name;
  };
  const roots: Record<string, string> = {};
  for (const property of checker.getPropertiesOfType(rootsType)) {
    const type = checker.getTypeOfSymbolAtLocation(property, file);
    const name = encode(type, file, property.name);
    roots[property.name] = name;
  }
  const sorted: Record<string, Record<string, string>> = {};
  for (const key of Object.keys(types).sort()) {
    sorted[key] = Object.fromEntries(Object.entries(types[key]).sort(([a], [b]) => a.localeCompare(b)));
  }
  return { types: sorted, roots };
}

export function renderOpenApiFields(table: ReturnType<typeof buildOpenApiFields>): string {
  const lines = [
    "/**",
    " * The fields every kind accepts, derived from the Kubernetes OpenAPI document as kubernetes-models 4.5",
    " * publishes it (and, for cert-manager.io/v1, from lib/sim/objects/cert-manager.ts). Strict decoding walks an",
    " * object against this table to reject unknown fields the way the API server's strict field validation does.",
    " * Regenerate with `UPDATE_OPENAPI_FIELDS=1 npx vitest run tests/sim/validation/openapi-fields.test.ts`.",
    " * Encoding: s string, n number, b boolean, x int-or-string, * anything, `[T` list, `{T` map, else a type name.",
    " */",
    "export const OPENAPI_ROOTS: Readonly<Record<string, string>> = {",
    ...Object.entries(table.roots).map(([k, v]) => `  ${k}: ${JSON.stringify(v)},`),
    "};",
    "",
    "export const OPENAPI_TYPES: Readonly<Record<string, string>> = {",
    ...Object.entries(table.types).map(
      ([name, fields]) => `  ${name}: ${JSON.stringify(Object.entries(fields).map(([f, t]) => `${f}:${t}`).join(" "))},`,
    ),
    "};",
    "",
  ];
  return lines.join("\n");
}
