import { TEXT_FILTERS } from "../commands/text-filters";
import type { Command } from "../session/command";
import type { ShellHost } from "../session/shell-host";
import { curl } from "./curl";
import { dig } from "./dig";
import { resolveImageToolbox, type ToolName } from "./image-tools";
import { hostname, ip } from "./ip";
import { nc } from "./nc";
import { nslookup } from "./nslookup";
import { ping } from "./ping";
import { wget } from "./wget";

const NETWORK_TOOLS: Partial<Record<ToolName, Command<ShellHost>>> = { curl, wget, nslookup, dig, host: nslookup, ping, nc, ip, hostname };

/** The programs a container of this image can run, by name. */
export function buildPodCommands(image: string | undefined): Record<string, Command<ShellHost>> {
  const toolbox = resolveImageToolbox(image);
  const commands: Record<string, Command<ShellHost>> = {};
  for (const tool of toolbox.tools) {
    const command = NETWORK_TOOLS[tool] ?? (TEXT_FILTERS[tool] as Command<ShellHost> | undefined);
    if (command) commands[tool] = command;
  }
  commands.echo = TEXT_FILTERS.echo as Command<ShellHost>;
  return commands;
}

/** The workstation's tools besides kubectl: curl, DNS lookups and ping against the outside of the cluster. */
export const WORKSTATION_TOOLS: Readonly<Record<string, Command<ShellHost>>> = { curl, nslookup, dig, ping, nc, hostname };
