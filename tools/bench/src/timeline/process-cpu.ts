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

interface Snapshot {
  readonly bench: number;
  readonly services: Readonly<Record<string, number>>;
  /** CPU so far of each postgres and nats-server process, by pid. */
  readonly servers: ReadonlyMap<string, { readonly name: string; readonly ms: number }>;
  readonly machine: number;
  readonly machineCapacity: number;
}

function snapshot(launcherPid: number): Snapshot {
  const services: Record<string, number> = {};
  const servers = new Map<string, { name: string; ms: number }>();
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
    if (stat.name === 'postgres' || stat.name === 'nats-server') {
      servers.set(pid, { name: stat.name, ms: stat.ms });
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
    servers,
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
      // Per process: one that started during the phase counts whole, one that ended is lost
      // (short-lived backends, other users' servers), so the figures are a little low.
      const spent = { postgres: 0, 'nats-server': 0 };
      for (const [pid, { name, ms }] of after.servers) {
        spent[name as keyof typeof spent] += ms - (before.servers.get(pid)?.ms ?? 0);
      }
      return {
        bench: Math.round(after.bench - before.bench),
        services,
        postgres: spent.postgres,
        natsServer: spent['nats-server'],
        machine: after.machine - before.machine,
        machineCapacity: after.machineCapacity - before.machineCapacity,
      };
    },
  };
}
