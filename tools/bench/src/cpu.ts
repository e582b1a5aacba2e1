import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/**
 * CPU time spent since a mark, in ms: by this Node process (the producing service: writers and
 * relay), by the consuming service's process, by PostgreSQL's processes, by nats-server, and by
 * the whole machine. All but the first come from /proc and are null elsewhere than Linux.
 * `other` is the rest: kernel work not charged to a process (some of the loopback networking)
 * and other programs, which make the figures low.
 */
export interface CpuSpent {
  readonly producerProcessMs: number;
  readonly consumerProcessMs: number | null;
  readonly postgresMs: number | null;
  readonly natsServerMs: number | null;
  readonly machineMs: number | null;
  readonly otherMs: number | null;
}

export interface CpuMark {
  spentSince(): CpuSpent;
}

/** USER_HZ: /proc counts in hundredths of a second on every Linux we run on. */
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

/** utime + stime of one process's /proc/<pid>/stat line, in ms, with its name. */
function parseStat(stat: string): { name: string; ms: number } {
  // pid (comm) state … : comm may hold spaces, so split after its closing parenthesis.
  const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of stat are utime and stime; `fields` starts at field 3.
  return { name, ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
}

/** CPU of one process so far, in ms; null without /proc or when it has ended. */
function pidCpuMs(pid: number): number | null {
  try {
    return parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8')).ms;
  } catch {
    return null;
  }
}

/** utime + stime of every process named `names`, by pid, in ms; null without /proc. */
function processCpuMs(
  names: ReadonlySet<string>,
): Map<number, { name: string; ms: number }> | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return null;
  }
  const result = new Map<number, { name: string; ms: number }>();
  for (const pid of pids) {
    try {
      const found = parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      if (names.has(found.name)) {
        result.set(Number(pid), found);
      }
    } catch {
      // The process ended while we looked.
    }
  }
  return result;
}

const SERVERS = new Set(['postgres', 'nats-server']);

/** Starts counting; `consumerPid` is the consuming service's process. */
export function markCpu(consumerPid: number): CpuMark {
  const process0 = process.cpuUsage();
  const consumer0 = pidCpuMs(consumerPid);
  const machine0 = machineBusyMs();
  const servers0 = processCpuMs(SERVERS);
  return {
    spentSince(): CpuSpent {
      const used = process.cpuUsage(process0);
      const producerProcessMs = Math.round((used.user + used.system) / 1000);
      const consumer1 = pidCpuMs(consumerPid);
      const consumerProcessMs =
        consumer0 === null || consumer1 === null ? null : consumer1 - consumer0;
      const machine1 = machineBusyMs();
      const servers1 = processCpuMs(SERVERS);
      let postgresMs: number | null = null;
      let natsServerMs: number | null = null;
      if (servers0 && servers1) {
        postgresMs = 0;
        natsServerMs = 0;
        // Backends that started during the phase count whole; ones that ended are lost (few).
        for (const [pid, { name, ms }] of servers1) {
          const spent = ms - (servers0.get(pid)?.ms ?? 0);
          if (name === 'postgres') {
            postgresMs += spent;
          } else {
            natsServerMs += spent;
          }
        }
      }
      const machineMs = machine0 === null || machine1 === null ? null : machine1 - machine0;
      return {
        producerProcessMs,
        consumerProcessMs,
        postgresMs,
        natsServerMs,
        machineMs,
        otherMs:
          machineMs === null ||
          consumerProcessMs === null ||
          postgresMs === null ||
          natsServerMs === null
            ? null
            : Math.max(
                0,
                machineMs - producerProcessMs - consumerProcessMs - postgresMs - natsServerMs,
              ),
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
