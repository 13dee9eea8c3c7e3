// Runs the benchmark's TypeScript in Node without a build: a require hook that compiles each .ts file with SWC,
// with the same options as the Jest transform (decorator metadata, as NestJS and TypeORM need), and resolves the
// @waakvlam/* path aliases. Used as `node -r ./bench/scheduler/register.cjs bench/scheduler/<file>.ts`.
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..', '..');
const aliases = {
  '@waakvlam/contracts': path.join(root, 'libs/shared/contracts/src/index.ts'),
  '@waakvlam/schedule': path.join(root, 'libs/shared/schedule/src/index.ts'),
};

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, aliases[request] ?? request, ...rest);
};

const { swcOptions: options } = require('../../jest.preset.cjs');

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};
