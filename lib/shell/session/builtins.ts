import { fail, ok, type Command } from "./command";

/**
 * What a shell needs of the session to run its built-ins: its variables, its history, and a way to leave.
 * Kept as an interface so the built-ins stay independent of where the shell runs (workstation or pod).
 */
export interface BuiltinHost {
  env: Record<string, string>;
  historyLines(): readonly string[];
  /** Leaves the current shell: back to the workstation from a pod, or ends the session. */
  requestExit(code: number): void;
  requestClear(): void;
  commandNames(): string[];
}

export const exit: Command<BuiltinHost> = ({ argv, session, env }) => {
  const code = argv[1] === undefined ? Number(env["?"] ?? 0) : Number(argv[1]);
  if (!Number.isInteger(code)) return fail(`bash: exit: ${argv[1]}: numeric argument required\n`, 2);
  session.requestExit(code & 255);
  return ok("exit\n");
};

export const clear: Command<BuiltinHost> = ({ session }) => {
  session.requestClear();
  return ok();
};

export const history: Command<BuiltinHost> = ({ session }) =>
  ok(session.historyLines().map((line, i) => `${String(i + 1).padStart(5)}  ${line}\n`).join(""));

export const exportVariable: Command<BuiltinHost> = ({ argv, session }) => {
  for (const arg of argv.slice(1)) {
    const eq = arg.indexOf("=");
    if (eq > 0) session.env[arg.slice(0, eq)] = arg.slice(eq + 1);
    else if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(arg)) return fail(`bash: export: \`${arg}': not a valid identifier\n`);
  }
  return ok();
};

export const printEnv: Command<BuiltinHost> = ({ session }) =>
  ok(
    Object.entries(session.env)
      .filter(([k]) => /^[A-Za-z_]/.test(k))
      .map(([k, v]) => `${k}=${v}\n`)
      .join(""),
  );

export const trueCommand: Command<BuiltinHost> = () => ok();
export const falseCommand: Command<BuiltinHost> = () => fail("", 1);

export const help: Command<BuiltinHost> = ({ session }) =>
  ok(`Commands available here:\n${session.commandNames().sort().join("  ")}\n`);

export const BUILTINS: Readonly<Record<string, Command<BuiltinHost>>> = {
  exit,
  clear,
  history,
  export: exportVariable,
  env: printEnv,
  printenv: printEnv,
  true: trueCommand,
  false: falseCommand,
  help,
};
