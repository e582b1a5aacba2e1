// Unit tests of the demo data generator: *.spec.ts next to the code, no servers.
module.exports = {
  displayName: 'demo-generator',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
