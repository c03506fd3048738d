/**
 * One jest run for the whole workspace, split into projects by kind of test:
 *   unit         *.spec.ts next to the code, no servers needed
 *   integration  *.int.spec.ts against the real Kafka, FerretDB and ClickHouse started by tools/infra
 *   browser      *.browser.spec.ts: pages in Debian's Chromium driven by playwright-core (tools/ensure-chromium)
 * Select with `jest --selectProjects unit` (see the npm scripts).
 */
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace(/[/]/g, '\\/')}$`,
    `<rootDir>/${target}`,
  ]),
);

const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(ts|js|mjs)$': swcTransform },
  // ESM-only packages (no `require` export) are compiled to CommonJS for jest; Node 20.19+ loads them natively.
  transformIgnorePatterns: ['/node_modules/(?!(jose|@scure/base)/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  moduleNameMapper,
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tools', '<rootDir>/bench', '<rootDir>/e2e'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/fixtures/'],
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['**/*.spec.ts'],
      testPathIgnorePatterns: [...shared.testPathIgnorePatterns, '\\.int\\.spec\\.ts$', '\\.browser\\.spec\\.ts$'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['**/*.int.spec.ts'],
      slowTestThreshold: 30,
    },
    {
      ...shared,
      displayName: 'browser',
      testMatch: ['**/*.browser.spec.ts'],
      slowTestThreshold: 30,
    },
  ],
};
