import { readdirSync, readFileSync } from 'node:fs';

/** CPU spent over a phase, in ms, by who spent it (Linux /proc; empty elsewhere). */
export interface CpuByProcess {
  /** This process: the bench's writer, SSE clients and readers. */
  readonly bench: number;
  /** Each service the launcher started, by name (gateway, network-meetings, …). */
  readonly services: Readonly<Record<string, number>>;
  /** Every postgres and nats-server process on the machine (other users' too). */
  readonly postgres: number;
  readonly natsServer: number;
  /** The whole machine (all CPUs), and how many ms of CPU it could have given. */
  readonly machine: number;
  readonly machineCapacity: number;
}

const TICK_MS = 10;

interface Stat {
  readonly name: string;
  readonly ppid: number;
  readonly ms: number;
}

function statOf(pid: string): Stat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return {
      name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
      ppid: Number(fields[1]),
      ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS,
    };
  } catch {
    return undefined;
  }
}

function machineBusyMs(): { busy: number; total: number } {
  try {
    const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const values = ticks.slice(1, 9).map(Number);
    const total = values.reduce((sum, value) => sum + value, 0);
    return { busy: (total - values[3] - values[4]) * TICK_MS, total: total * TICK_MS };
  } catch {
    return { busy: 0, total: 0 };
  }
}

function snapshot(launcherPid: number): CpuByProcess {
  const services: Record<string, number> = {};
  let postgres = 0;
  let natsServer = 0;
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    // not Linux
  }
  for (const pid of pids) {
    const stat = statOf(pid);
    if (!stat) {
      continue;
    }
    if (stat.name === 'postgres') {
      postgres += stat.ms;
    } else if (stat.name === 'nats-server') {
      natsServer += stat.ms;
    } else if (stat.ppid === launcherPid) {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const service = /services\/([a-z-]+)\/main\.js/.exec(cmdline)?.[1];
      if (service) {
        services[service] = (services[service] ?? 0) + stat.ms;
      }
    }
  }
  const used = process.cpuUsage();
  const machine = machineBusyMs();
  return {
    bench: (used.user + used.system) / 1000,
    services,
    postgres,
    natsServer,
    machine: machine.busy,
    machineCapacity: machine.total,
  };
}

/** Starts counting; `spentSince()` answers what each spent since. */
export function markProcessCpu(launcherPid: number): { spentSince(): CpuByProcess } {
  const before = snapshot(launcherPid);
  return {
    spentSince() {
      const after = snapshot(launcherPid);
      const services: Record<string, number> = {};
      for (const [name, ms] of Object.entries(after.services)) {
        services[name] = Math.round(ms - (before.services[name] ?? 0));
      }
      return {
        bench: Math.round(after.bench - before.bench),
        services,
        // Backends that ended during the phase make this a little low.
        postgres: Math.max(0, after.postgres - before.postgres),
        natsServer: Math.max(0, after.natsServer - before.natsServer),
        machine: after.machine - before.machine,
        machineCapacity: after.machineCapacity - before.machineCapacity,
      };
    },
  };
}
