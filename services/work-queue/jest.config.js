// Unit tests: *.spec.ts next to the code; no servers needed.
module.exports = {
  displayName: 'work-queue',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
