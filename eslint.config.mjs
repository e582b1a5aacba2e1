// Lint for every project. Type-aware typescript-eslint rules catch the async mistakes that lose
// work silently (floating promises); @nx/enforce-module-boundaries keeps services apart:
// a service may use libraries, never another service.
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/reports',
      '**/.nx',
      '**/.polku',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          // `npm start -- --demo` runs the demo generator's entry point (tools/launcher/src/demo-data.ts).
          allow: ['../../demo/src/load-demo-data'],
          depConstraints: [
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib'] },
            // Production libraries never pull in local-infra, test helpers or demo seed data.
            { sourceTag: 'scope:shared', notDependOnLibsWithTags: ['scope:tooling', 'scope:demo'] },
          ],
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
    },
  },
  {
    // Contracts are wire contracts (docs/adr/0008): no HTTP documentation, no validation internals.
    files: ['libs/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@nestjs/swagger', message: 'OpenAPI documentation belongs to the gateway.' },
            {
              name: '@polku/validation',
              message: 'Processes install validation speed-ups at start-up, not the contracts.',
            },
          ],
        },
      ],
    },
  },
  {
    // A command's transaction runs again when PostgreSQL aborts it as a deadlock victim
    // (docs/timers.md, "A command and the poller cannot fail each other").
    files: ['services/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name='transaction'][callee.object.name=/[dD]ataSource$/]",
          message:
            'Open a service transaction with retriedTransaction (@polku/persistence), which runs it again after a deadlock.',
        },
        {
          selector:
            "CallExpression[callee.property.name='transaction'][callee.object.property.name=/[dD]ataSource$/]",
          message:
            'Open a service transaction with retriedTransaction (@polku/persistence), which runs it again after a deadlock.',
        },
      ],
    },
  },
  {
    // Nest resolves constructor parameters from emitted decorator metadata, which needs the
    // value import of the class; a type-only import would break injection at runtime.
    files: [
      '**/*.service.ts',
      '**/*.controller.ts',
      '**/*.module.ts',
      '**/*.handlers.ts',
      '**/*-request.controller.ts',
    ],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  prettier,
);
