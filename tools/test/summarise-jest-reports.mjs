import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Sums jest --json reports. A suite that failed to run at all (a compile error, a crash in a
 * hook) counts as one failure even though it reports no failed test, so it cannot hide.
 */
export function summariseJestReports(reportsDir) {
  let passed = 0;
  let failed = 0;
  const breakdown = [];
  for (const file of readdirSync(reportsDir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const report = JSON.parse(readFileSync(join(reportsDir, file), 'utf8'));
    const brokenSuites = report.testResults.filter(
      (suite) =>
        suite.status === 'failed' &&
        suite.assertionResults.every((test) => test.status !== 'failed'),
    ).length;
    passed += report.numPassedTests;
    failed += report.numFailedTests + brokenSuites;
    if (report.numTotalTests === 0 && brokenSuites === 0) {
      continue;
    }
    breakdown.push(
      `  ${file.replace(/\.json$/, '')}: ${report.numPassedTests} passed, ${report.numFailedTests + brokenSuites} failed`,
    );
  }
  return { passed, failed, breakdown };
}
