/**
 * The `-l` selector syntax of kubectl (k8s.io/apimachinery pkg/labels/selector.go Parse): comma-separated
 * requirements `key=value`, `key==value`, `key!=value`, `key in (a,b)`, `key notin (a,b)`, `key`, `!key`.
 */
export type LabelRequirement =
  | { key: string; operator: "=" | "!="; value: string }
  | { key: string; operator: "in" | "notin"; values: string[] }
  | { key: string; operator: "exists" | "!" };

export type SelectorParse = { ok: true; requirements: LabelRequirement[] } | { ok: false; message: string };

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

export function parseLabelSelector(text: string): SelectorParse {
  const requirements: LabelRequirement[] = [];
  for (const part of splitTopLevel(text)) {
    const set = /^([^\s=!(),]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part);
    if (set) {
      requirements.push({ key: set[1], operator: set[2] as "in" | "notin", values: set[3].split(",").map((v) => v.trim()).filter(Boolean) });
      continue;
    }
    const compare = /^([^\s=!(),]+)\s*(==|=|!=)\s*([^\s=!(),]*)$/.exec(part);
    if (compare) {
      requirements.push({ key: compare[1], operator: compare[2] === "!=" ? "!=" : "=", value: compare[3] });
      continue;
    }
    const not = /^!\s*([^\s=!(),]+)$/.exec(part);
    if (not) {
      requirements.push({ key: not[1], operator: "!" });
      continue;
    }
    if (/^[^\s=!(),]+$/.test(part)) {
      requirements.push({ key: part, operator: "exists" });
      continue;
    }
    return { ok: false, message: `error: unable to parse requirement: found '${part}', expected: identifier` };
  }
  return { ok: true, requirements };
}

export function matchLabelRequirements(requirements: readonly LabelRequirement[], labels: Readonly<Record<string, string>> | undefined): boolean {
  const have = labels ?? {};
  return requirements.every((r) => {
    const present = Object.prototype.hasOwnProperty.call(have, r.key);
    switch (r.operator) {
      case "=":
        return present && have[r.key] === r.value;
      case "!=":
        return !present || have[r.key] !== r.value;
      case "in":
        return present && r.values.includes(have[r.key]);
      case "notin":
        return !present || !r.values.includes(have[r.key]);
      case "exists":
        return present;
      case "!":
        return !present;
    }
  });
}
