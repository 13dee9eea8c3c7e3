// The integration, API e2e and browser suites. They share one global set-up: the run's own database and Redis prefix.
const { swcTransform, moduleNameMapper } = require('../jest.preset.cjs');

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swcTransform },
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'js', 'json'],
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
};

module.exports = [
  { ...common, displayName: 'integration', testMatch: ['<rootDir>/integration/**/*.int-spec.ts'] },
  { ...common, displayName: 'e2e', testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'] },
  { ...common, displayName: 'browser', testMatch: ['<rootDir>/browser/**/*.browser-spec.ts'] },
];
