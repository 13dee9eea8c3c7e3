import nx from '@nx/eslint-plugin';

/** Packages that only the server may import. */
const serverOnly = [
  '@nestjs/*',
  '@nest-lab/*',
  'typeorm',
  'bullmq',
  'ioredis',
  'pg',
  'fastify',
  '@fastify/*',
  'nodemailer',
  'smtp-server',
  'mailparser',
  'nestjs-pino',
  'pino',
  'pino-http',
  '@node-rs/argon2',
  'class-validator',
  'class-transformer',
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/.nx', '**/.angular', 'tmp', 'coverage', '**/*.cjs'],
  },
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.js'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'scope:shared',
              onlyDependOnLibsWithTags: ['scope:shared'],
              bannedExternalImports: [...serverOnly, '@angular/*', 'rxjs'],
            },
            {
              sourceTag: 'scope:admin',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:admin'],
              bannedExternalImports: serverOnly,
            },
            {
              sourceTag: 'scope:api',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:api'],
              bannedExternalImports: ['@angular/*'],
            },
            {
              sourceTag: 'scope:test',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:api', 'scope:test'],
            },
          ],
        },
      ],
    },
  },
  {
    // The integration, e2e and browser suites exercise the API's own modules from outside it, on purpose.
    // Every other boundary (shared libs, console) stays enforced.
    files: ['test/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // Project ESLint configs import this file; that is configuration, not a project dependency.
    files: ['**/eslint.config.mjs'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|describe|test)$/]",
          message: 'Focused tests (.only) must not be committed.',
        },
      ],
    },
  },
];
