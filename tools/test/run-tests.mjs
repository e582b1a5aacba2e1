// `npm test`: every project's unit and integration tests and the system tests, against real
// PostgreSQL and nats-server (started when absent by the integration global setup), then one
// plain summary line `N passed, N failed` summed over every jest run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { summariseJestReports } from './summarise-jest-reports.mjs';

const workspaceRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
const reportsDir = join(workspaceRoot, 'reports/jest');
const require = createRequire(import.meta.url);
const nx = join(dirname(require.resolve('nx/package.json')), 'dist/bin/nx.js');

rmSync(reportsDir, { recursive: true, force: true });
mkdirSync(reportsDir, { recursive: true });

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const run = (args) =>
  spawnSync(process.execPath, [nx, ...args, '--outputStyle=stream'], {
    cwd: workspaceRoot,
    env,
    stdio: 'inherit',
  }).status ?? 1;

// Unit tests are quick and need no servers: two at a time. Integration and system tests share
// the servers and the two cores, so they take turns.
const unitStatus = run(['run-many', '-t', 'test', '--parallel=2']);
const integrationStatus = run(['run-many', '-t', 'test-integration', '--parallel=1']);

const summary = summariseJestReports(reportsDir);
for (const line of summary.breakdown) {
  console.log(line);
}
console.log(`${summary.passed} passed, ${summary.failed} failed`);
process.exit(
  unitStatus === 0 && integrationStatus === 0 && summary.failed === 0 && summary.passed > 0 ? 0 : 1,
);
