export interface CurlOptions {
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  head: boolean;
  include: boolean;
  insecure: boolean;
  location: boolean;
  fail: boolean;
  headers: Record<string, string>;
  maxTime?: number;
  connectTimeout?: number;
  data?: string;
  method?: string;
  output?: string;
  writeOut?: string;
  urls: string[];
}

const BOOLEAN_SHORT: Record<string, keyof CurlOptions> = { s: "silent", S: "showError", v: "verbose", I: "head", i: "include", k: "insecure", L: "location", f: "fail" };
const BOOLEAN_LONG: Record<string, keyof CurlOptions> = {
  silent: "silent",
  "show-error": "showError",
  verbose: "verbose",
  head: "head",
  include: "include",
  insecure: "insecure",
  location: "location",
  fail: "fail",
};
const VALUE_SHORT = new Set(["H", "m", "d", "X", "o", "w", "A"]);
const VALUE_LONG: Record<string, string> = {
  header: "H",
  "max-time": "m",
  data: "d",
  "data-raw": "d",
  "data-binary": "d",
  request: "X",
  output: "o",
  "write-out": "w",
  "user-agent": "A",
  "connect-timeout": "connect-timeout",
};

export const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n";

/** curl's options as learners type them: grouped short flags (`-sSv`), values attached or separate, long forms. */
export function parseCurlArgs(args: readonly string[]): CurlOptions | { error: string } {
  const options: CurlOptions = { silent: false, showError: false, verbose: false, head: false, include: false, insecure: false, location: false, fail: false, headers: {}, urls: [] };
  const setValue = (key: string, value: string): string | undefined => {
    switch (key) {
      case "H": {
        const colon = value.indexOf(":");
        if (colon > 0) options.headers[value.slice(0, colon).trim()] = value.slice(colon + 1).trim();
        return undefined;
      }
      case "m":
      case "connect-timeout": {
        const seconds = Number(value);
        if (!Number.isFinite(seconds) || seconds < 0) return `curl: option --${key === "m" ? "max-time" : "connect-timeout"}: expected a proper numerical parameter\n${TRY_HELP}`;
        if (key === "m") options.maxTime = seconds;
        else options.connectTimeout = seconds;
        return undefined;
      }
      case "d":
        options.data = options.data === undefined ? value : `${options.data}&${value}`;
        return undefined;
      case "X":
        options.method = value;
        return undefined;
      case "o":
        options.output = value;
        return undefined;
      case "w":
        options.writeOut = value;
        return undefined;
      case "A":
        options.headers["User-Agent"] = value;
        return undefined;
    }
    return undefined;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith("--")) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
      if (name in BOOLEAN_LONG) (options[BOOLEAN_LONG[name]] as boolean) = true;
      else if (name in VALUE_LONG) {
        const value = inline ?? args[++i];
        if (value === undefined) return { error: `curl: option --${name}: requires parameter\n${TRY_HELP}` };
        const problem = setValue(VALUE_LONG[name], value);
        if (problem) return { error: problem };
      } else return { error: `curl: option --${name}: is unknown\n${TRY_HELP}` };
      continue;
    }
    if (arg.startsWith("-") && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j];
        if (letter in BOOLEAN_SHORT) (options[BOOLEAN_SHORT[letter]] as boolean) = true;
        else if (VALUE_SHORT.has(letter)) {
          const value = j + 1 < arg.length ? arg.slice(j + 1) : args[++i];
          if (value === undefined) return { error: `curl: option -${letter}: requires parameter\n${TRY_HELP}` };
          const problem = setValue(letter, value);
          if (problem) return { error: problem };
          break;
        } else return { error: `curl: option -${letter}: is unknown\n${TRY_HELP}` };
      }
      continue;
    }
    options.urls.push(arg);
  }
  return options;
}
