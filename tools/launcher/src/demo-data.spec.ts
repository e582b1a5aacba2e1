import type { DemoSummary } from '../../demo/src/load-demo-data';
import { demoLoadedLines, demoRefusal } from './demo-data';

// What needs no servers; countExistingPaths and the load itself run against the real system
// (a start with --demo).

const nowhere = { databaseUrl: 'postgres://nobody@127.0.0.1:1/none', databasePrefix: 'polku' };

describe('demoRefusal', () => {
  it('should refuse in production before asking the database', async () => {
    expect(await demoRefusal({ ...nowhere, env: { NODE_ENV: 'production' } })).toMatch(
      /NODE_ENV=production/,
    );
  });

  it('should refuse without the demo issuer, which the generator signs in at', async () => {
    expect(await demoRefusal({ ...nowhere, env: { POLKU_DEMO: 'false' } })).toMatch(
      /demo issuer, which is off/,
    );
  });
});

describe('demoLoadedLines', () => {
  it('should say what was made, the failures and where the dashboards are', () => {
    const summary = {
      clients: 3,
      paths: [{}, {}, {}],
      from: '2024-12-09',
      to: '2026-12-07',
      commands: 120,
      failedCommands: 1,
      failures: ['client 2, step 5: 409 the path is closed'],
      durationMs: 12_345,
    } as unknown as DemoSummary;

    const text = demoLoadedLines(summary, 'http://127.0.0.1:3000').join('\n');

    expect(text).toContain(
      'demo data: 3 clients, 3 paths from 2024-12-09 to 2026-12-07, 120 commands (1 failed) in 12.3 s; the clock is real time again',
    );
    expect(text).toContain('  failed: client 2, step 5: 409 the path is closed');
    expect(text).toContain('Dashboards  http://127.0.0.1:3000/api/v1/dashboards');
    expect(text).toMatch(/as a manager: marja\.johtaja/);
  });
});
