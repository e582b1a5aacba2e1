// Shared jest settings for every project: the same swc compilation as the build, @polku/*
// aliases resolved to library sources, UTC dates.
const path = require('node:path');
const swcOptions = require('./tools/build/swc-options');

process.env.TZ = 'UTC';

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swcOptions, swcrc: false }],
    // jose and content-disposition (of @fastify/static) ship ESM only; Node 20 loads them with
    // require() at run time, jest's loader cannot.
    '^.+/node_modules/(jose|content-disposition)/.+\\.js$': [
      '@swc/jest',
      { ...swcOptions, swcrc: false },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(jose|content-disposition)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    // The event test catalogue: test-only code of contracts, re-exported by @polku/testing.
    '^@polku/contracts/testing$': path.join(__dirname, 'libs/contracts/test/index.ts'),
    // Synthetic dashboard event sets: apart from @polku/testing so the bench can use them too.
    '^@polku/testing/dashboards$': path.join(__dirname, 'libs/testing/src/dashboards/index.ts'),
    // The demo data generator, a tool whose loadDemoData the launcher calls (npm start -- --demo).
    '^@polku/demo-generator$': path.join(__dirname, 'tools/demo/src/load-demo-data.ts'),
    '^@polku/([a-z-]+)$': path.join(__dirname, 'libs/$1/src/index.ts'),
  },
  clearMocks: true,
  restoreMocks: true,
};
