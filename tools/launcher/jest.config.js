// Unit tests: *.spec.ts next to the code; the supervisor's run real `node -e` child processes.
module.exports = {
  displayName: 'launcher',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  testTimeout: 30000,
};
