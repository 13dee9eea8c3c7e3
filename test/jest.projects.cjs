// The integration, API e2e and browser suites. They share one global set-up: the run's own database and Redis prefix.
const { swcTransform, moduleNameMapper } = require('../jest.preset.cjs');

const ESM_PACKAGES = '/node_modules/(openid-client|oauth4webapi|jose)/';

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  // openid-client (and its oauth4webapi, jose) are ES modules; the server loads them with require(esm), which the
  // test runner cannot (before Node 24.9), so SWC compiles them to CommonJS here.
  transform: { '^.+\\.ts$': swcTransform, [`${ESM_PACKAGES}.+\\.js$`]: swcTransform },
  transformIgnorePatterns: [`/node_modules/(?!(openid-client|oauth4webapi|jose)/)`],
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'js', 'json'],
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  setupFiles: ['<rootDir>/support/tenant-fallback.ts'],
};

module.exports = [
  { ...common, displayName: 'integration', testMatch: ['<rootDir>/integration/**/*.int-spec.ts'] },
  { ...common, displayName: 'e2e', testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'] },
  { ...common, displayName: 'browser', testMatch: ['<rootDir>/browser/**/*.browser-spec.ts'] },
];
