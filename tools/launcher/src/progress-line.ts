/**
 * A one-line progress bar for the demo load: redrawn in place on a terminal, and otherwise (a
 * log file, CI) written as a line at every tenth of the way, so a log does not fill with bars.
 */
export class ProgressLine {
  private lastTenth = -1;
  private drawn = false;

  constructor(
    private readonly label: string,
    private readonly out: NodeJS.WriteStream = process.stdout,
  ) {}

  update(done: number, total: number): void {
    const fraction = total <= 0 ? 0 : Math.min(1, done / total);
    const text = `${this.label} ${bar(fraction)} ${Math.floor(fraction * 100)} % (${done}/${total} steps)`;
    if (this.out.isTTY) {
      this.out.write(`\r${text}`);
      this.drawn = true;
      return;
    }
    const tenth = Math.floor(fraction * 10);
    if (tenth !== this.lastTenth) {
      this.lastTenth = tenth;
      this.out.write(`${text}\n`);
    }
  }

  /** Ends the line on a terminal, so what follows starts on a line of its own. */
  done(): void {
    if (this.drawn) {
      this.out.write('\n');
      this.drawn = false;
    }
  }
}

function bar(fraction: number, width = 30): string {
  const full = Math.round(fraction * width);
  return `[${'#'.repeat(full)}${'.'.repeat(width - full)}]`;
}
