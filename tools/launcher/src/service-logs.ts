import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Each service's output, also kept in a file of its own (`<data dir>/logs/<service>.log`,
 * appended across runs): when a crash loop stops polku, the launcher names the file that holds
 * the dead service's last words, which have scrolled past in the shared terminal by then.
 */
export class ServiceLogs {
  private readonly streams = new Map<string, WriteStream>();

  constructor(
    private readonly dir: string,
    private readonly workspaceRoot: string,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  write(service: string, line: string): void {
    let stream = this.streams.get(service);
    if (stream === undefined) {
      stream = createWriteStream(this.fileOf(service), { flags: 'a' });
      this.streams.set(service, stream);
    }
    stream.write(`${line}\n`);
  }

  /** The service's log file, relative to the workspace when it is inside it. */
  pathOf(service: string): string {
    const file = this.fileOf(service);
    const inside = relative(this.workspaceRoot, file);
    return inside.startsWith('..') ? file : inside;
  }

  async close(): Promise<void> {
    await Promise.all(
      [...this.streams.values()].map(
        (stream) => new Promise<void>((resolve) => stream.end(() => resolve())),
      ),
    );
  }

  private fileOf(service: string): string {
    return join(this.dir, `${service}.log`);
  }
}
