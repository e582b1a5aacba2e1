// Unit tests: *.spec.ts next to the code; no servers needed. The clock is installed in this
// process and removed after each test, or in a child process where a test needs a fresh one.
module.exports = {
  displayName: 'clock',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  testTimeout: 20000,
};
