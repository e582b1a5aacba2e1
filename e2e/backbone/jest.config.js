// Reliability properties of the event backbone, each a named test on real PostgreSQL and NATS.
module.exports = {
  displayName: 'backbone-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  globalSetup: '../../tools/jest/integration-global-setup.ts',
  globalTeardown: '../../tools/jest/integration-global-teardown.ts',
  testTimeout: 120000,
};
