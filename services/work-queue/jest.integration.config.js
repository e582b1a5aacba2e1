// Integration tests: test/*.integration-spec.ts against real PostgreSQL and nats-server,
// started by the global setup when they are not running.
module.exports = {
  displayName: 'work-queue:integration',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.integration-spec.ts'],
  globalSetup: '../../tools/jest/integration-global-setup.ts',
  globalTeardown: '../../tools/jest/integration-global-teardown.ts',
  testTimeout: 60000,
};
