// Free of imports on purpose: jest's global teardown loads it outside the module registry.

/** The database-name prefix shared by everything one test run creates (and drops). */
export function testDatabasePrefixOfRun(runId: string): string {
  return `pt_${runId}_`;
}

/**
 * The JetStream stream-name prefix of everything one test run creates (and deletes): its NATS
 * namespaces are `t-<runId>-…`, and a namespace's streams are named after it in upper case.
 */
export function testStreamPrefixOfRun(runId: string): string {
  return `T_${runId.replace(/-/g, '_').toUpperCase()}_`;
}
