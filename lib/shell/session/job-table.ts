import type { JobStream, PortForward, ShellJob } from "./shell-host";

/**
 * bash's job table for the simulated terminal: background jobs by number (`[1] 4242`), the one holding the
 * terminal in the foreground, the port-forwards they keep open and the streams (watches, followed logs) they
 * print. Process ids start at a fixed number so transcripts are deterministic.
 */
export class JobTable {
  private readonly jobs: ShellJob[] = [];
  private nextPid = 4242;
  foreground: ShellJob | undefined;

  start(forwards: PortForward[], command: string, background: boolean, stream?: JobStream): ShellJob {
    const job: ShellJob = { id: this.jobs.reduce((max, j) => Math.max(max, j.id), 0) + 1, pid: this.nextPid++, command, forwards, ...(stream ? { stream } : {}) };
    this.jobs.push(job);
    if (!background) this.foreground = job;
    return job;
  }

  list(): readonly ShellJob[] {
    return this.jobs;
  }

  findPortForward(localPort: number): PortForward | undefined {
    for (const job of this.jobs) {
      const forward = job.forwards.find((f) => f.localPort === localPort);
      if (forward) return forward;
    }
    return undefined;
  }

  stop(id: number): ShellJob | undefined {
    const index = this.jobs.findIndex((j) => j.id === id);
    if (index < 0) return undefined;
    const [job] = this.jobs.splice(index, 1);
    if (this.foreground === job) this.foreground = undefined;
    return job;
  }

  bringToForeground(id: number): ShellJob | undefined {
    const job = this.jobs.find((j) => j.id === id);
    if (job) this.foreground = job;
    return job;
  }

  /** Ctrl-C: the foreground job ends. Returns whether there was one. */
  interruptForeground(): boolean {
    const job = this.foreground;
    if (!job) return false;
    this.stop(job.id);
    return true;
  }
}
