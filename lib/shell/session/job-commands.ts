import type { Command } from "./command";
import type { ShellHost, ShellJob } from "./shell-host";

/** The session operations job control needs beyond ShellHost. */
interface JobControl extends ShellHost {
  stopJob(id: number): ShellJob | undefined;
  foregroundJob(id: number): ShellJob | undefined;
}

function parseJobId(arg: string | undefined, jobs: readonly ShellJob[]): number | undefined {
  if (arg === undefined || arg === "%" || arg === "%%" || arg === "%+") return jobs[jobs.length - 1]?.id;
  const match = /^%?(\d+)$/.exec(arg);
  return match ? Number(match[1]) : undefined;
}

/** bash's `jobs` listing: `[1]+  Running                 kubectl port-forward … &`. */
export const jobs: Command<ShellHost> = ({ session }) => {
  const list = session.listJobs();
  return {
    stdout: list.map((job, i) => `[${job.id}]${i === list.length - 1 ? "+" : i === list.length - 2 ? "-" : " "}  ${"Running".padEnd(24)}${job.command} &\n`).join(""),
    stderr: "",
    exitCode: 0,
  };
};

/** `kill %1` or `kill PID`: bash then reports `[1]+  Terminated …` before the next prompt. */
export const kill: Command<ShellHost> = ({ argv, session }) => {
  const host = session as JobControl;
  const arg = argv.slice(1).find((a) => !/^-(\d+|[A-Z]+|s)$/.test(a));
  const list = host.listJobs();
  const byPid = arg !== undefined && /^\d+$/.test(arg) ? list.find((j) => String(j.pid) === arg) : undefined;
  const id = byPid?.id ?? (arg?.startsWith("%") ? parseJobId(arg, list) : undefined);
  const job = id === undefined ? undefined : host.stopJob(id);
  if (!job) {
    if (arg === undefined) return { stdout: "", stderr: "kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n", exitCode: 2 };
    const message = arg.startsWith("%") ? `bash: kill: ${arg}: no such job` : `bash: kill: (${arg}) - No such process`;
    return { stdout: "", stderr: `${message}\n`, exitCode: 1 };
  }
  return { stdout: `[${job.id}]+  ${"Terminated".padEnd(24)}${job.command}\n`, stderr: "", exitCode: 0 };
};

/** `fg`: the job's command line is echoed and it holds the terminal again until Ctrl-C. */
export const fg: Command<ShellHost> = ({ argv, session }) => {
  const host = session as JobControl;
  const id = parseJobId(argv[1], host.listJobs());
  const job = id === undefined ? undefined : host.foregroundJob(id);
  if (!job) return { stdout: "", stderr: `bash: fg: ${argv[1] ?? "current"}: no such job\n`, exitCode: 1 };
  return { stdout: `${job.command}\n`, stderr: "", exitCode: 0 };
};

export const JOB_COMMANDS: Readonly<Record<string, Command<ShellHost>>> = { jobs, kill, fg };
