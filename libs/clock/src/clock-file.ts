import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

// The simulated clock's two kinds of file (docs/adr/0018-simulated-clock-for-demo-data.md):
// the clock file the controller writes and every service process watches, and one
// acknowledgement per service that the service writes once it applies a change. Both are
// replaced whole by a rename, so a reader never sees half a file.

/** What the clock file holds. */
export interface ClockFileContent {
  /** Simulated time minus real time, in whole milliseconds. */
  readonly offsetMs: number;
  /**
   * Grows by one with every change the controller makes, so an acknowledgement names the change
   * it applied even when two changes have the same offset.
   */
  readonly revision: number;
}

/** What a service writes to `<clock file>.<service>.ack` when it has applied a change. */
export interface ClockAcknowledgement extends ClockFileContent {
  readonly service: string;
  readonly pid: number;
  /** Real time (ISO) when the process applied it. */
  readonly appliedAt: string;
}

/** The acknowledgement file of one service beside the clock file. */
export function acknowledgementFileOf(clockFile: string, service: string): string {
  return `${clockFile}.${service}.ack`;
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/**
 * The clock file's content, checked. `revision` may be missing (a file written by hand holds
 * only `{"offsetMs": n}`) and then counts as 0.
 */
export function parseClockFile(text: string, file: string): ClockFileContent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`simulated clock file ${file} is not JSON: ${JSON.stringify(text)}`);
  }
  const { offsetMs, revision = 0 } = (parsed ?? {}) as Record<string, unknown>;
  if (!isWholeNumber(offsetMs) || !isWholeNumber(revision) || revision < 0) {
    throw new Error(
      `simulated clock file ${file} must hold {"offsetMs": <whole ms>, "revision": <n ≥ 0>}, got ${text}`,
    );
  }
  return { offsetMs, revision };
}

export function readClockFile(file: string): ClockFileContent {
  return parseClockFile(readFileSync(file, 'utf8'), file);
}

/** Writes the whole file under a temporary name in the same folder, then renames it into place. */
export function writeFileAtomically(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

export function writeClockFile(file: string, content: ClockFileContent): void {
  writeFileAtomically(file, `${JSON.stringify(content)}\n`);
}

/** The service's acknowledgement, or undefined while it has written none (or an unreadable one). */
export function readAcknowledgement(
  clockFile: string,
  service: string,
): ClockAcknowledgement | undefined {
  try {
    const text = readFileSync(acknowledgementFileOf(clockFile, service), 'utf8');
    const ack = JSON.parse(text) as ClockAcknowledgement;
    return isWholeNumber(ack.offsetMs) && isWholeNumber(ack.revision) ? ack : undefined;
  } catch {
    return undefined;
  }
}
