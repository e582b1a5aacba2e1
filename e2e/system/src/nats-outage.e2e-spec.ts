import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, startNatsServer, type RunningNats } from '@polku/local-infra';
import { testNatsConfigFile } from '@polku/testing';
import { startSystem, waitForHealth } from './system-under-test';

describe('a NATS outage while polku runs', () => {
  it('should report NATS down without any process crashing, and up again once NATS is back', async () => {
    // This test stops a NATS server, so it runs its own, never the machine's.
    const natsPort = await findFreePort();
    const storeDir = await mkdtemp(join(tmpdir(), 'polku-e2e-nats-'));
    let nats: RunningNats | undefined = await startNatsServer({
      port: natsPort,
      storeDir,
      configFile: testNatsConfigFile(),
    });
    const system = await startSystem({ NATS_URL: nats.url, HEALTH_TIMEOUT_MS: '500' });
    let exitCode: number | null;
    try {
      await system.launcher.waitForOutput(/polku is up/);

      await nats.stop();
      nats = undefined;
      const duringOutage = await waitForHealth(
        system,
        (h) => h.gateway.checks.nats.status === 'down',
        'the gateway to report NATS down',
      );
      expect(duringOutage.httpStatus).toBe(503);
      expect(duringOutage.gateway.checks.database.status).toBe('up');
      expect(Object.values(duringOutage.services).every((s) => s.status === 'down')).toBe(true);

      nats = await startNatsServer({ port: natsPort, storeDir, configFile: testNatsConfigFile() });
      const recovered = await waitForHealth(
        system,
        (h) => h.status === 'up',
        'every service up again',
        60_000,
      );
      expect(recovered.httpStatus).toBe(200);

      expect(system.launcher.child.exitCode).toBeNull();
      expect(system.launcher.output()).not.toContain('stopped unexpectedly');
    } finally {
      exitCode = await system.stop();
      await nats?.stop();
      await rm(storeDir, { recursive: true, force: true });
    }
    expect(exitCode).toBe(0);
  });
});
