// Shared jest settings for every project: the same swc compilation as the build, @polku/*
// aliases resolved to library sources, UTC dates.
const path = require('node:path');
const swcOptions = require('./tools/build/swc-options');

process.env.TZ = 'UTC';

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swcOptions, swcrc: false }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@polku/([a-z-]+)$': path.join(__dirname, 'libs/$1/src/index.ts'),
  },
  clearMocks: true,
  restoreMocks: true,
};
