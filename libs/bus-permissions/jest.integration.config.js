// Integration tests: test/*.integration-spec.ts, each against a nats-server of its own started
// with the configuration rendered from the permission matrix (no shared servers needed).
module.exports = {
  displayName: 'bus-permissions:integration',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.integration-spec.ts'],
  testTimeout: 60000,
};
