import { execFileSync } from 'node:child_process';
import { SERVICE_NAMES } from '@polku/contracts';
import { isGone, startSystem, waitForHealth } from './system-under-test';

// Issue 16 item 4: `npm start` starts a service that died again instead of stopping polku
// (tools/launcher/src/service-supervisor.ts; its backoff and crash loop have unit tests with real
// processes). Here the real launcher, a real service killed from outside.

/** The pid of the service's process, a child of the launcher. */
function servicePid(launcherPid: number, service: string): number | undefined {
  const children = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(launcherPid)], {
    encoding: 'utf8',
  });
  const line = children
    .split('\n')
    .find((candidate) => candidate.includes(`/services/${service}/main.js`));
  return line === undefined ? undefined : Number(line.trim().split(/\s+/)[0]);
}

describe('npm start keeps a crashed service', () => {
  it('should start a killed service again with one line, be up again, and restart nothing on Ctrl-C', async () => {
    const system = await startSystem();
    let exitCode: number | null;
    try {
      await system.launcher.waitForOutput(
        new RegExp(`polku is up: ${SERVICE_NAMES.length} services in [\\d.]+ s`),
      );
      await waitForHealth(system, (health) => health.status === 'up', 'all up');
      const launcherPid = system.launcher.child.pid as number;
      const first = servicePid(launcherPid, 'dashboards');
      expect(first).toBeDefined();

      process.kill(first as number, 'SIGKILL');

      await system.launcher.waitForOutput(
        /polku: dashboards stopped unexpectedly \(signal SIGKILL\); restart 1 in 1 s/,
        30_000,
      );
      const health = await waitForHealth(
        system,
        (answer) => answer.status === 'up' && servicePid(launcherPid, 'dashboards') !== first,
        'dashboards up again in a new process',
      );
      expect(health.services.dashboards.status).toBe('up');
    } finally {
      exitCode = await system.stop();
    }
    expect(exitCode).toBe(0);
    // One line for the one restart; the shutdown restarted nothing.
    expect(system.launcher.output().match(/stopped unexpectedly/g)).toHaveLength(1);
    expect(await isGone(`${system.baseUrl}/health/live`)).toBe(true);
  });
});
