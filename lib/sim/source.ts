/** A 1-based line and column in the YAML or JSON text a learner wrote. */
export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * Where an object came from: which document of which text, and how to find a field in it.
 * `locate("spec.ports[0].port")` answers the position of that field's value (or of the nearest
 * enclosing field that exists), so every error and explanation can point at a line.
 */
export interface ObjectSource {
  /** A label for the text: a file name, `STDIN`, or an exercise editor id. */
  file?: string;
  /** 0-based index of the document within a multi-document text. */
  docIndex: number;
  locate(fieldPath: string): SourcePosition | undefined;
}
