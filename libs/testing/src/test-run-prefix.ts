// Free of imports on purpose: jest's global teardown loads it outside the module registry.

/** The database-name prefix shared by everything one test run creates (and drops). */
export function testDatabasePrefixOfRun(runId: string): string {
  return `pt_${runId}_`;
}
