import nx from '@nx/eslint-plugin';

const services = ['issuance', 'verification', 'sharing', 'analytics'];

/** Packages that tie code to a framework or to I/O; the domain and the contracts stay free of them. */
const impureImports = [
  '@nestjs/*',
  'mongoose',
  'mongodb',
  'kafkajs',
  '@clickhouse/client',
  '@opentelemetry/*',
  'pino',
  'nestjs-pino',
  'express',
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.nx',
      '**/tmp',
      '**/coverage',
      '.infra',
      'tools/module-boundaries/fixtures/**',
    ],
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            // Services are isolated from each other; they share only scope:shared libs (contracts and platform).
            ...services.map((service) => ({
              sourceTag: `scope:${service}`,
              onlyDependOnLibsWithTags: [`scope:${service}`, 'scope:shared'],
            })),
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            // Layers: app -> infrastructure -> application -> domain; contracts and platform beside them.
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:infrastructure',
                'type:application',
                'type:domain',
                'type:contracts',
                'type:platform',
              ],
            },
            {
              sourceTag: 'type:infrastructure',
              onlyDependOnLibsWithTags: [
                'type:infrastructure',
                'type:application',
                'type:domain',
                'type:contracts',
                'type:platform',
              ],
            },
            {
              // The event store lib is allowed for its port (EventStore, EVENT_STORE); apps wire its adapter.
              sourceTag: 'type:application',
              onlyDependOnLibsWithTags: ['type:application', 'type:domain', 'type:contracts', 'port:event-store'],
            },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'],
              bannedExternalImports: impureImports,
            },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:contracts'],
              bannedExternalImports: impureImports,
            },
            {
              sourceTag: 'type:platform',
              onlyDependOnLibsWithTags: ['type:platform', 'type:domain', 'type:contracts'],
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
