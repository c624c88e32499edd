/**
 * kubectl's flag syntax (spf13/pflag as kubectl configures it): `--name=value`, `--name value`, `-n value`,
 * `-nvalue`, grouped short booleans (`-it`), `--bool=false`, and `--` ending the flags. Unknown flags are an
 * error worded as kubectl words it: `error: unknown flag: --foo` plus `See 'kubectl get --help' for usage.`
 */
export interface FlagSpec {
  long: string;
  short?: string;
  /** Boolean flags take no separate value (`--rm`, `-i`); others do (`--image nginx`). */
  boolean?: boolean;
  /** May repeat (`-f a.yaml -f b.yaml`, `--rule`). */
  repeated?: boolean;
}

export interface ParsedFlags {
  values: Map<string, string[]>;
  positionals: string[];
  /** Everything after `--`. */
  command: string[];
  /** Whether `--` appeared. */
  dashDash: boolean;
}

export type FlagParse = { ok: true; flags: ParsedFlags } | { ok: false; message: string };

/** Flags every kubectl verb accepts (kubectl options). */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { long: "namespace", short: "n" },
  { long: "context" },
  { long: "kubeconfig" },
  { long: "request-timeout" },
  { long: "v", short: "v" },
  { long: "help", short: "h", boolean: true },
];

export function parseFlags(args: readonly string[], specs: readonly FlagSpec[], verb: string): FlagParse {
  const all = [...GLOBAL_FLAGS, ...specs];
  const byLong = new Map(all.map((s) => [s.long, s]));
  const byShort = new Map(all.filter((s) => s.short).map((s) => [s.short as string, s]));
  const flags: ParsedFlags = { values: new Map(), positionals: [], command: [], dashDash: false };
  const set = (spec: FlagSpec, value: string) => {
    const list = flags.values.get(spec.long) ?? [];
    flags.values.set(spec.long, spec.repeated ? [...list, value] : [value]);
  };
  const usage = `See 'kubectl ${verb} --help' for usage.`;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      flags.dashDash = true;
      flags.command = args.slice(i + 1);
      break;
    }
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const spec = byLong.get(name);
      if (!spec) return { ok: false, message: `error: unknown flag: --${name}\n${usage}\n` };
      if (eq >= 0) set(spec, arg.slice(eq + 1));
      else if (spec.boolean) set(spec, "true");
      else if (i + 1 < args.length) set(spec, args[++i]);
      else return { ok: false, message: `error: flag needs an argument: --${name}\n${usage}\n` };
      continue;
    }
    if (arg.startsWith("-") && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j];
        const spec = byShort.get(letter);
        if (!spec) return { ok: false, message: `error: unknown shorthand flag: '${letter}' in ${arg}\n${usage}\n` };
        if (spec.boolean) {
          if (arg[j + 1] === "=") {
            set(spec, arg.slice(j + 2));
            break;
          }
          set(spec, "true");
          continue;
        }
        const rest = arg.slice(j + 1).replace(/^=/, "");
        if (rest.length > 0) set(spec, rest);
        else if (i + 1 < args.length) set(spec, args[++i]);
        else return { ok: false, message: `error: flag needs an argument: '${letter}' in -${letter}\n${usage}\n` };
        break;
      }
      continue;
    }
    flags.positionals.push(arg);
  }
  return { ok: true, flags };
}

export function flagValue(flags: ParsedFlags, long: string): string | undefined {
  const list = flags.values.get(long);
  return list === undefined ? undefined : list[list.length - 1];
}

export function flagValues(flags: ParsedFlags, long: string): string[] {
  return flags.values.get(long) ?? [];
}

/** pflag's strconv.ParseBool: 1, t, T, TRUE, true, True are true. */
export function flagBoolean(flags: ParsedFlags, long: string): boolean {
  const value = flagValue(flags, long);
  return value !== undefined && /^(1|t|true)$/i.test(value);
}
