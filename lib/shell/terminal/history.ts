/**
 * Command history as bash keeps it for the arrow keys: consecutive duplicates and blank lines are not
 * recorded (HISTCONTROL=ignoredups), and browsing keeps the line being typed so ↓ past the newest entry
 * brings it back.
 */
export class History {
  private readonly entries: string[];
  private position: number;
  private draft = "";

  constructor(entries: readonly string[] = [], private readonly limit = 500) {
    this.entries = entries.slice(-limit);
    this.position = this.entries.length;
  }

  add(line: string): void {
    const trimmed = line.trim();
    if (trimmed.length > 0 && this.entries[this.entries.length - 1] !== line) {
      this.entries.push(line);
      if (this.entries.length > this.limit) this.entries.shift();
    }
    this.position = this.entries.length;
    this.draft = "";
  }

  /** The entry before the current one, or undefined at the oldest. `current` is what the line holds now. */
  previous(current: string): string | undefined {
    if (this.position === 0) return undefined;
    if (this.position === this.entries.length) this.draft = current;
    this.position--;
    return this.entries[this.position];
  }

  next(): string | undefined {
    if (this.position >= this.entries.length) return undefined;
    this.position++;
    return this.position === this.entries.length ? this.draft : this.entries[this.position];
  }

  list(): readonly string[] {
    return this.entries;
  }
}
