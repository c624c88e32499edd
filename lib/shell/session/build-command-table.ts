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

type CommandTable = Readonly<Record<string, Command<ShellHost>>>;

/**
 * The tables are fixed for a location kind and an image, so each is built once and shared: a command line
 * looks its programs up in one, and copying all of them per line was most of what a short command allocated.
 */
let workstationTable: CommandTable | undefined;
const podTables = new Map<string | undefined, CommandTable>();
/** Image names are the learner's to choose: past this many, the cache starts again rather than grow. */
const MAX_POD_TABLES = 256;

/**
 * The programs a shell can run where it is: the workstation has kubectl (and the `k` alias), curl, DNS tools
 * and job control; a container has what its image ships (tools/image-tools.ts) plus the shell's built-ins.
 */
export function buildCommandTable(location: ShellLocation, cluster: Cluster): CommandTable {
  const builtins = BUILTINS as CommandTable;
  if (location.kind === "workstation") {
    workstationTable ??= Object.freeze({ ...(TEXT_FILTERS as CommandTable), ...BASIC_COMMANDS, ...WORKSTATION_TOOLS, ...builtins, ...JOB_COMMANDS, sed: sed as Command<ShellHost>, kubectl, k: kubectl });
    return workstationTable;
  }
  const pod = cluster.get("Pod", location.pod, location.namespace);
  const image = pod?.spec?.containers?.find((c) => c.name === location.container)?.image;
  let table = podTables.get(image);
  if (!table) {
    if (podTables.size >= MAX_POD_TABLES) podTables.clear();
    table = Object.freeze({ ...BASIC_COMMANDS, ...buildPodCommands(image), ...builtins, echo: TEXT_FILTERS.echo as Command<ShellHost> });
    podTables.set(image, table);
  }
  return table;
}
