import type { YAMLError } from "yaml";

/**
 * The wording kubectl prints for a YAML it cannot read, which comes from go-yaml through
 * sigs.k8s.io/yaml (`error parsing STDIN: error converting YAML to JSON: yaml: line 4: found character
 * that cannot start any token`, checked against kubectl v1.32). Where the yaml package's error has a
 * go-yaml counterpart we use go-yaml's words so the learner meets the same message on a real cluster.
 */
export function formatYamlError(file: string, error: YAMLError, line: number, text: string): string {
  return `error parsing ${file}: error converting YAML to JSON: yaml: line ${line}: ${describeYamlError(error, text)}`;
}

function describeYamlError(error: YAMLError, text: string): string {
  switch (error.code) {
    case "TAB_AS_INDENT":
      return "found character that cannot start any token";
    case "DUPLICATE_KEY": {
      const key = /^[^:\n]*/.exec(text.slice(error.pos[0]))?.[0].trim().replace(/^["']|["']$/g, "");
      return key ? `key ${JSON.stringify(key)} already set in map` : "key already set in map";
    }
    case "RESOURCE_EXHAUSTION":
      return "exceeded max depth";
    default:
      return firstLine(error.message);
  }
}

function firstLine(message: string): string {
  const line = message.split("\n")[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, "");
}
