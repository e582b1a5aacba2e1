import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** CPU time spent since a mark: by this Node process, and by the whole machine (Linux only). */
export interface CpuSpent {
  /** User + system time of this process (writers, relay and consumer), in ms. */
  readonly benchProcessMs: number;
  /** Busy time of every CPU of the machine (this process, PostgreSQL, nats-server, …), in ms. */
  readonly machineMs: number | null;
}

export interface CpuMark {
  spentSince(): CpuSpent;
}

/** USER_HZ: /proc/stat counts in hundredths of a second on every Linux we run on. */
const TICK_MS = 10;

function machineBusyMs(): number | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    // cpu user nice system idle iowait irq softirq steal guest guest_nice
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    const total = ticks.slice(0, 8).reduce((sum, value) => sum + value, 0);
    const idle = ticks[3] + ticks[4];
    return (total - idle) * TICK_MS;
  } catch {
    return null;
  }
}

export function markCpu(): CpuMark {
  const process0 = process.cpuUsage();
  const machine0 = machineBusyMs();
  return {
    spentSince(): CpuSpent {
      const used = process.cpuUsage(process0);
      const machine1 = machineBusyMs();
      return {
        benchProcessMs: Math.round((used.user + used.system) / 1000),
        machineMs: machine0 === null || machine1 === null ? null : machine1 - machine0,
      };
    },
  };
}

/** How busy the machine's CPUs are over `ms` while this process waits, in percent (Linux only). */
export async function machineBusyPercent(ms: number): Promise<number | null> {
  const before = machineBusyMs();
  const began = Date.now();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = machineBusyMs();
  if (before === null || after === null) {
    return null;
  }
  const capacityMs = (Date.now() - began) * cpus().length;
  return Math.round((100 * (after - before)) / capacityMs);
}
