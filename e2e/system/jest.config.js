// System tests: the whole system started the way `npm start` starts it, driven over HTTP.
module.exports = {
  displayName: 'system-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  globalSetup: '../../tools/jest/integration-global-setup.ts',
  globalTeardown: '../../tools/jest/integration-global-teardown.ts',
  testTimeout: 240000,
};
