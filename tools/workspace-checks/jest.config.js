// Checks of the workspace itself (lint rules that must bite, generated docs that must be fresh),
// and the unit tests of the docs generators in tools/docs.
module.exports = {
  displayName: 'workspace-checks',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  roots: ['<rootDir>/src', '<rootDir>/../docs'],
  testMatch: ['**/*.spec.ts'],
  testTimeout: 60000,
};
