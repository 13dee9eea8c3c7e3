// Shared Jest settings. TypeScript is compiled by SWC with decorator metadata, as NestJS and TypeORM need.
const path = require('node:path');

const root = __dirname;

/** SWC's options for the server's TypeScript (also used by the benchmark's require hook). */
const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

const swcTransform = ['@swc/jest', swcOptions];

const moduleNameMapper = {
  '^@waakvlam/contracts$': path.join(root, 'libs/shared/contracts/src/index.ts'),
  '^@waakvlam/schedule$': path.join(root, 'libs/shared/schedule/src/index.ts'),
};

/** Unit specs beside the code of one project. */
function unit(projectDir, displayName) {
  return {
    displayName,
    rootDir: projectDir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/src/**/*.spec.ts'],
    transform: { '^.+\\.ts$': swcTransform },
    moduleNameMapper,
    moduleFileExtensions: ['ts', 'js', 'json'],
  };
}

module.exports = { unit, swcOptions, swcTransform, moduleNameMapper, root };
