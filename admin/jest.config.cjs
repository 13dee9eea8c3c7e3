// Unit specs of the admin console: jest-preset-angular in zoneless mode, jsdom.
const { createCjsPreset } = require('jest-preset-angular/presets');

const preset = createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' });

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  displayName: 'admin',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // ESM-only helpers of Transloco must be compiled too.
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|@jsverse/|@angular/common/locales/.*\\.js$))'],
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  moduleNameMapper: {
    '^@waakvlam/contracts$': '<rootDir>/../libs/shared/contracts/src/index.ts',
  },
};
