import { LineCounter, parseAllDocuments, isMap, isScalar, type Document, type Tags } from "yaml";
import type { ManifestObject } from "../objects/meta";
import type { ObjectSource, SourcePosition } from "../source";
import { buildObjectSource } from "./build-object-source";
import { buildPositionSource, LineIndex } from "./build-position-source";
import { formatYamlError } from "./format-yaml-error";
import { resolveManifestLimits, type ManifestLimits } from "./manifest-limits";
import { measureYamlNode } from "./measure-yaml-node";
import { isMappingNode, readPositionedYaml } from "./read-positioned-yaml";
import { findExcessiveNesting, findForbiddenCharacter, positionAt, utf8ByteLength } from "./scan-text";

export interface ParsedDocument {
  object: ManifestObject;
  source: ObjectSource;
  /** 0-based position among the objects of the text (List items count one each). */
  index: number;
}

export interface ManifestError {
  /** Worded like kubectl's error (without kubectl's leading `error: `). */
  message: string;
  position?: SourcePosition;
  docIndex?: number;
}

export interface ParseManifestsResult {
  documents: ParsedDocument[];
  errors: ManifestError[];
}

/**
 * Which reader turns the text into documents. `auto` (the default) takes the fast reader (js-yaml with
 * positions recorded, read-positioned-yaml.ts) for texts it can read exactly as the yaml package would, and
 * the yaml package for everything else; `yaml` always takes the yaml package, so tests can compare the two.
 */
export type ManifestEngine = "auto" | "yaml";

/** Text the parser is willing to nest before the exact depth check; beyond it parsing itself gets slow. */
const PARSER_NESTING_GUARD = 512;

/**
 * Reads what a learner pasted the way `kubectl apply -f` does: a YAML stream of `---`-separated documents,
 * or JSON (one object, or a `kind: List` whose items are applied one by one); documents holding only
 * comments or whitespace are skipped (k8s.io/cli-runtime pkg/resource visitor.go, "ignore empty documents").
 * YAML is read with the 1.1 schema, as go-yaml v2 (inside sigs.k8s.io/yaml) does, so `yes`, `on` and `y`
 * are booleans and `0755` is octal exactly as on a real cluster. Never throws: every problem is a ManifestError with a position.
 */
export function parseManifests(
  text: string,
  options: { file?: string; limits?: Partial<ManifestLimits>; engine?: ManifestEngine } = {},
): ParseManifestsResult {
  const file = options.file ?? "STDIN";
  try {
    return parseChecked(typeof text === "string" ? text : String(text), file, resolveManifestLimits(options.limits), options.engine ?? "auto");
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { documents: [], errors: [{ message: `error parsing ${file}: ${detail}` }] };
  }
}

function parseChecked(text: string, file: string, limits: ManifestLimits, engine: ManifestEngine): ParseManifestsResult {
  const bytes = utf8ByteLength(text);
  if (bytes > limits.maxBytes) {
    return fail(`error parsing ${file}: the text is ${bytes} bytes; at most ${limits.maxBytes} bytes are accepted`);
  }
  const forbidden = findForbiddenCharacter(text);
  if (forbidden !== -1) {
    const position = positionAt(text, forbidden);
    return fail(`error parsing ${file}: error converting YAML to JSON: yaml: line ${position.line}: control characters are not allowed`, position);
  }
  const tooDeep = findExcessiveNesting(text, Math.max(PARSER_NESTING_GUARD, limits.maxDepth));
  if (tooDeep !== -1) {
    const position = positionAt(text, tooDeep);
    return fail(`error parsing ${file}: objects may be nested at most ${limits.maxDepth} levels deep`, position);
  }
  return (engine === "auto" ? parseWithPositions(text, file, limits) : undefined) ?? parseWithYaml(text, file, limits);
}

/**
 * The fast reader, for texts that give no error: the same documents, objects, indices and source positions
 * parseWithYaml gives (proven by tests/properties/parse-manifests-engines.property.test.ts), at a tenth of
 * the time and allocation. Undefined whenever the text needs anything else (an error of any kind, a limit
 * reached, a construct the fast reader does not vouch for): parseWithYaml then reads it and words the errors.
 */
function parseWithPositions(text: string, file: string, limits: ManifestLimits): ParseManifestsResult | undefined {
  const read = readPositionedYaml(text);
  if (read === undefined) return undefined;
  const lines = new LineIndex(text);
  const documents: ParsedDocument[] = [];
  for (let docIndex = 0; docIndex < read.values.length; docIndex++) {
    const value = read.values[docIndex];
    const root = read.roots[docIndex];
    // Empty documents, and documents that are only `~` or `null`, are skipped like kubectl skips them.
    if (value === null || value === undefined) continue;
    if (!isMappingNode(root) || root.depth > limits.maxDepth || root.nodes > limits.maxExpandedNodes) return undefined;
    const object = value as ManifestObject;
    if (object.kind === "List" && Array.isArray(object.items)) {
      for (let i = 0; i < object.items.length; i++) {
        const item: unknown = object.items[i];
        if (item === null || typeof item !== "object" || Array.isArray(item)) return undefined;
        const source = buildPositionSource(root, lines, { file, docIndex, prefix: ["items", i] });
        documents.push({ object: item as ManifestObject, source, index: documents.length });
      }
    } else {
      documents.push({ object, source: buildPositionSource(root, lines, { file, docIndex }), index: documents.length });
    }
    if (documents.length > limits.maxDocuments) return undefined;
  }
  return { documents, errors: [] };
}

/**
 * go-yaml decodes neither timestamps nor base-60 numbers (`10:30`) into values: they reach the API server as
 * the strings they were written as (go-yaml/yaml#293). A module-level function, not an arrow inside the
 * reader: the parsed documents keep their options, and a closure there would keep the reader's whole scope
 * (the text and everything parsed from it) alive through young-generation collections.
 */
const withoutTimeTags = (tags: Tags): Tags =>
  tags.filter((tag) => typeof tag === "string" || (tag.tag !== "tag:yaml.org,2002:timestamp" && tag.format !== "TIME"));

/** The reference reader: the yaml package, with every error worded as kubectl words it. */
function parseWithYaml(text: string, file: string, limits: ManifestLimits): ParseManifestsResult {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, {
    lineCounter,
    version: "1.1",
    prettyErrors: false,
    uniqueKeys: true,
    customTags: withoutTimeTags,
  });
  const docs: Document[] = Array.isArray(parsed) ? parsed : [];
  const documents: ParsedDocument[] = [];
  const errors: ManifestError[] = [];

  for (let docIndex = 0; docIndex < docs.length; docIndex++) {
    const doc = docs[docIndex];
    const at = (offset: number | undefined): SourcePosition => {
      const { line, col } = lineCounter.linePos(offset ?? 0);
      return { line, column: col };
    };
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        const position = at(error.pos[0]);
        errors.push({ message: formatYamlError(file, error, position.line, text), position, docIndex });
      }
      continue;
    }
    const root = doc.contents;
    if (root === null || (isScalar(root) && root.value === null && !root.tag)) continue;
    const rootPosition = at(root.range?.[0]);
    const measured = measureYamlNode(doc, root, limits.maxDepth + 1);
    if (measured.depth > limits.maxDepth) {
      errors.push({ message: `error parsing ${file}: objects may be nested at most ${limits.maxDepth} levels deep`, position: rootPosition, docIndex });
      continue;
    }
    if (measured.expandedNodes > limits.maxExpandedNodes) {
      errors.push({
        message: `error parsing ${file}: error converting YAML to JSON: yaml: document contains excessive aliasing`,
        position: rootPosition,
        docIndex,
      });
      continue;
    }
    if (!isMap(root)) {
      // kubectl's client-side validation (k8s.io/kubectl pkg/validation) rejects a scalar or list document.
      errors.push({
        message: `error validating "${file}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`,
        position: rootPosition,
        docIndex,
      });
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
    } catch (error) {
      const detail = describeToJSError(error);
      errors.push({ message: `error parsing ${file}: error converting YAML to JSON: yaml: ${detail}`, position: rootPosition, docIndex });
      continue;
    }
    const object = value as ManifestObject;
    if (object.kind === "List" && Array.isArray(object.items)) {
      object.items.forEach((item, i) => {
        const source = buildObjectSource(doc, lineCounter, { file, docIndex, prefix: ["items", i] });
        if (item === null || typeof item !== "object" || Array.isArray(item)) {
          errors.push({
            message: `error validating "${file}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`,
            position: buildObjectSource(doc, lineCounter, { file, docIndex }).locate(`items[${i}]`),
            docIndex,
          });
          return;
        }
        documents.push({ object: item as ManifestObject, source, index: documents.length });
      });
    } else {
      documents.push({ object, source: buildObjectSource(doc, lineCounter, { file, docIndex }), index: documents.length });
    }
    if (documents.length > limits.maxDocuments) {
      errors.push({
        message: `error parsing ${file}: at most ${limits.maxDocuments} objects are accepted in one text`,
        position: rootPosition,
        docIndex,
      });
      return { documents: documents.slice(0, limits.maxDocuments), errors };
    }
  }
  return { documents, errors };
}

/** yaml's toJS failures in go-yaml's words (go-yaml v2 decode.go: unknown anchor, failWantMap). */
function describeToJSError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknownAnchor = /Unresolved alias[^:]*: \*?(\S+)/.exec(message)?.[1];
  if (unknownAnchor) return `unknown anchor '${unknownAnchor.replace(/^\*/, "")}' referenced`;
  if (/Merge sources must be/.test(message)) return "map merge requires map or sequence of maps as the value";
  return "document contains excessive aliasing";
}

function fail(message: string, position?: SourcePosition): ParseManifestsResult {
  return { documents: [], errors: [{ message, position }] };
}
