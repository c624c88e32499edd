import { getTerminalScenario } from "@/lib/content/get-exercise";
import { TerminalLoader } from "./terminal-loader";
import "./terminal.css";

/** `<Terminal scenario="…" />`: a sandboxed terminal on a scenario's cluster (a named scenario or an exercise's). */
export function Terminal({ scenario }: { scenario?: string }) {
  const found = scenario ? getTerminalScenario(scenario) : undefined;
  if (!found) {
    return (
      <p role="alert" className="terminal-missing">
        Terminal scenario “{scenario}” does not exist.
      </p>
    );
  }
  return (
    <section className="terminal-panel not-prose" aria-label={`Terminal: ${found.title}`} data-scenario-id={found.id}>
      <TerminalLoader scenario={found} />
    </section>
  );
}
