import type { Command } from "../session/command";
import type { ShellHost } from "../session/shell-host";

/**
 * The small commands people type out of habit in any shell. The simulated file system is flat: the workstation
 * holds the files the page gave the terminal in the home directory; a container shows only the files Kubernetes
 * writes into it (/etc/resolv.conf, /etc/hosts, /etc/hostname).
 */
function homeOf(host: ShellHost): string {
  return host.location.kind === "workstation" ? "/home/learner" : host.location.shell === "bash" ? "/root" : "/";
}

export const pwd: Command<ShellHost> = ({ session }) => ({ stdout: `${session.env.PWD ?? homeOf(session)}\n`, stderr: "", exitCode: 0 });

/** cd changes only $PWD: every path resolves to the same flat directory. */
export const cd: Command<ShellHost> = ({ argv, session }) => {
  const target = argv[1] ?? "~";
  const home = homeOf(session);
  session.env.PWD = target === "~" || target === "" ? home : target.startsWith("/") ? target : `${(session.env.PWD ?? home).replace(/\/$/, "")}/${target}`;
  return { stdout: "", stderr: "", exitCode: 0 };
};

export const ls: Command<ShellHost> = ({ argv, session }) => {
  const path = argv.slice(1).find((a) => !a.startsWith("-"));
  if (session.location.kind === "pod") {
    if (path === "/etc" || path === "/etc/") return { stdout: "hostname\nhosts\nresolv.conf\n", stderr: "", exitCode: 0 };
    return { stdout: "", stderr: "", exitCode: 0 };
  }
  if (path && session.readFile(path) === undefined) return { stdout: "", stderr: `ls: cannot access '${path}': No such file or directory\n`, exitCode: 2 };
  const names = path ? [path] : session.fileNames();
  return { stdout: names.map((n) => `${n}\n`).join(""), stderr: "", exitCode: 0 };
};

export const whoami: Command<ShellHost> = ({ session }) => ({ stdout: `${session.location.kind === "workstation" ? "learner" : "root"}\n`, stderr: "", exitCode: 0 });

/** Simulated time does not pass while a command waits; sleep returns at once. */
export const sleep: Command<ShellHost> = ({ argv }) =>
  argv[1] === undefined ? { stdout: "", stderr: "sleep: missing operand\nTry 'sleep --help' for more information.\n", exitCode: 1 } : { stdout: "", stderr: "", exitCode: 0 };

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** date in the C locale: `Thu May  1 09:12:35 UTC 2025`, from the simulated clock. */
export const date: Command<ShellHost> = ({ session }) => {
  const d = session.cluster.now();
  const pad = (n: number) => String(n).padStart(2, "0");
  return { stdout: `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, " ")} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}\n`, stderr: "", exitCode: 0 };
};

export const BASIC_COMMANDS: Readonly<Record<string, Command<ShellHost>>> = { pwd, cd, ls, whoami, sleep, date };
