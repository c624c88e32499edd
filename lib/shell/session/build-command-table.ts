import type { Cluster } from "@/lib/sim/store/cluster";
import { TEXT_FILTERS } from "../commands/text-filters";
import { sed } from "../commands/sed";
import { kubectl } from "../kubectl/kubectl";
import { BASIC_COMMANDS } from "../tools/basic-commands";
import { buildPodCommands, WORKSTATION_TOOLS } from "../tools/pod-commands";
import { BUILTINS } from "./builtins";
import type { Command } from "./command";
import { JOB_COMMANDS } from "./job-commands";
import type { ShellHost, ShellLocation } from "./shell-host";

/**
 * The programs a shell can run where it is: the workstation has kubectl (and the `k` alias), curl, DNS tools
 * and job control; a container has what its image ships (tools/image-tools.ts) plus the shell's built-ins.
 */
export function buildCommandTable(location: ShellLocation, cluster: Cluster): Record<string, Command<ShellHost>> {
  const builtins = BUILTINS as Readonly<Record<string, Command<ShellHost>>>;
  const echo = TEXT_FILTERS.echo as Command<ShellHost>;
  if (location.kind === "workstation") {
    return { ...(TEXT_FILTERS as Readonly<Record<string, Command<ShellHost>>>), ...BASIC_COMMANDS, ...WORKSTATION_TOOLS, ...builtins, ...JOB_COMMANDS, sed: sed as Command<ShellHost>, kubectl, k: kubectl };
  }
  const pod = cluster.get("Pod", location.pod, location.namespace);
  const container = pod?.spec?.containers?.find((c) => c.name === location.container);
  return { ...BASIC_COMMANDS, ...buildPodCommands(container?.image), ...builtins, echo };
}
