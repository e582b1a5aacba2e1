import { randomUUID } from 'node:crypto';
import { SERVICE_NAMES } from '@polku/contracts';
import { findFreePort } from '@polku/local-infra';
import { isGone, startSystem, waitForHealth } from './system-under-test';

describe('npm start', () => {
  it('should bring every service up on the running PostgreSQL and its own authenticated NATS and stop them all on Ctrl-C', async () => {
    const system = await startSystem({ POLKU_START_NATS: 'auto' });
    let exitCode: number | null;
    try {
      await system.launcher.waitForOutput(
        new RegExp(`polku is up: ${SERVICE_NAMES.length} services in [\\d.]+ s`),
      );
      const health = await waitForHealth(system, (h) => h.status === 'up', 'all up');

      expect(health.httpStatus).toBe(200);
      expect(Object.keys(health.services).sort()).toEqual(
        SERVICE_NAMES.filter((s) => s !== 'gateway').sort(),
      );
      expect(system.launcher.output()).toMatch(/using PostgreSQL at 127\.0\.0\.1/);
      expect(system.launcher.output()).toMatch(/started authenticated nats-server/);

      // The README's first call: a demo token from the built-in issuer, then the API with it.
      const users = await fetch(`${system.baseUrl}/api/v1/dev-auth/users`);
      expect(users.status).toBe(200);
      const issued = await fetch(`${system.baseUrl}/api/v1/dev-auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'tiina.tyollisyys' }),
      });
      const { access_token: token } = (await issued.json()) as { access_token: string };
      const unknownPath = `${system.baseUrl}/api/v1/paths/${randomUUID()}/parties`;
      const withToken = await fetch(unknownPath, { headers: { authorization: `Bearer ${token}` } });
      expect(withToken.status).toBe(404);
      expect(withToken.headers.get('content-type')).toContain('application/problem+json');
      expect((await fetch(unknownPath)).status).toBe(401);
    } finally {
      exitCode = await system.stop();
    }
    expect(exitCode).toBe(0);
    expect(await isGone(`${system.baseUrl}/health/live`)).toBe(true);
  });

  it('should start an embedded PostgreSQL when none answers at DATABASE_URL, and find its data on a second start', async () => {
    const port = await findFreePort();
    const databaseUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    const first = await startSystem({ DATABASE_URL: databaseUrl });
    const dataDir = first.dataDir;
    let firstExit: number | null;
    try {
      await first.launcher.waitForOutput(/polku is up/);
      expect(first.launcher.output()).toContain(
        `started embedded PostgreSQL in ${dataDir}/postgres`,
      );
      expect((await first.health()).status).toBe('up');
    } finally {
      // Keep the data folder for the second start: interrupt only.
      firstExit = await first.launcher.interrupt();
    }
    expect({
      exitCode: firstExit,
      output: firstExit === 0 ? '' : first.launcher.output().slice(-4000),
    }).toEqual({
      exitCode: 0,
      output: '',
    });

    const second = await startSystem({ DATABASE_URL: databaseUrl, POLKU_DATA_DIR: dataDir });
    let secondExit: number | null;
    try {
      await second.launcher.waitForOutput(/polku is up/);
      expect((await second.health()).status).toBe('up');
      expect(second.launcher.output()).toContain(
        `started embedded PostgreSQL in ${dataDir}/postgres`,
      );
    } finally {
      secondExit = await second.stop();
    }
    expect(secondExit).toBe(0);
  });

  it('should stop at once with one line naming DATABASE_URL when DATABASE_URL is nonsense', async () => {
    const started = Date.now();
    const system = await startSystem({ DATABASE_URL: 'nonsense' });
    const code = await system.launcher.exited;
    const lines = system.launcher.output().trim().split('\n');

    expect(code).toBe(78);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(lines).toEqual([
      expect.stringMatching(
        /^polku start: invalid configuration: DATABASE_URL must be a PostgreSQL URL .*"nonsense"$/,
      ),
    ]);
    await system.stop();
  });
});
