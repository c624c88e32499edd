import type { IContainer } from "kubernetes-models/v1/Container";

/**
 * Reads a flag the way Go's flag package accepts it (`-listen=:5678`, `--listen :5678`, `-listen :5678`), from a
 * container's command and args together (the image's entrypoint is unknown, so both are searched).
 */
export function readContainerFlag(container: IContainer, flag: string): string | undefined {
  const words = [...(container.command ?? []), ...(container.args ?? [])];
  for (let i = 0; i < words.length; i++) {
    const word = words[i].replace(/^--?/, "");
    if (!words[i].startsWith("-")) continue;
    if (word.startsWith(`${flag}=`)) return word.slice(flag.length + 1);
    if (word === flag && i + 1 < words.length) return words[i + 1];
  }
  return undefined;
}

/** A literal env value (`valueFrom` is not followed: a Secret or ConfigMap value is not known here). */
export function readContainerEnv(container: IContainer, name: string): string | undefined {
  return container.env?.find((e) => e.name === name)?.value;
}

/** The first positional word of command+args (agnhost's subcommand: `netexec`, `serve-hostname`). */
export function readSubcommand(container: IContainer): string | undefined {
  const words = [...(container.command ?? []), ...(container.args ?? [])].filter((w) => !w.startsWith("-") && !w.startsWith("/"));
  return words[0];
}

/** `:5678` or `0.0.0.0:5678` or `5678` → 5678. */
export function parseListenPort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /(?:^|:)([0-9]{1,5})$/.exec(value.trim());
  if (!match) return undefined;
  const port = Number(match[1]);
  return port >= 1 && port <= 65535 ? port : undefined;
}
