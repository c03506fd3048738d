/**
 * Webpack configuration shared by the four services: bundles a service's own code and the libs it
 * imports into dist/apps/<service>/main.js, leaves every npm package external, and writes a
 * package.json listing exactly the packages that bundle requires (pinned) — the input for a pruned
 * production image (`npm install --omit=dev` next to main.js).
 */
const path = require('node:path');
const { builtinModules } = require('node:module');
const nodeExternals = require('webpack-node-externals');
const { TsconfigPathsPlugin } = require('tsconfig-paths-webpack-plugin');

const root = path.join(__dirname, '..', '..');
const rootPackage = require(path.join(root, 'package.json'));
const builtins = new Set(builtinModules);
/** Packages loaded at run time by name (Nest picks its HTTP adapter with a dynamic require), invisible to webpack. */
const LOADED_BY_NAME = ['@nestjs/platform-express', 'reflect-metadata'];

function packageNameOf(request) {
  const parts = request.split('/');
  return request.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function installedVersion(name) {
  return require(path.join(root, 'node_modules', name, 'package.json')).version;
}

class PrunedPackageJsonPlugin {
  constructor(service, runtimePackages) {
    this.service = service;
    this.runtimePackages = runtimePackages;
  }

  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('PrunedPackageJsonPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'PrunedPackageJsonPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const names = new Set([...LOADED_BY_NAME, ...this.runtimePackages]);
          for (const module of compilation.modules) {
            if (module.constructor.name !== 'ExternalModule' || typeof module.request !== 'string') continue;
            const name = packageNameOf(module.request.replace(/^node:/, ''));
            if (!module.request.startsWith('node:') && !builtins.has(name)) names.add(name);
          }
          const dependencies = Object.fromEntries(
            [...names].sort().map((name) => [name, rootPackage.dependencies[name] ?? installedVersion(name)]),
          );
          const manifest = {
            name: `@credstream/${this.service}`,
            version: rootPackage.version,
            private: true,
            license: rootPackage.license,
            main: 'main.js',
            engines: rootPackage.engines,
            dependencies,
          };
          compilation.emitAsset('package.json', new RawSource(`${JSON.stringify(manifest, null, 2)}\n`));
        },
      );
    });
  }
}

/**
 * @param service e.g. "analytics"
 * @param options.runtimePackages packages the service reads files from at run time (e.g. chart.js's browser
 *   build, served to dashboards), which webpack cannot see: they are listed in the pruned package.json too.
 * @param options.workers more worker-thread entry points of this service, `{ '<name>': './path/to/<name>.ts' }`,
 *   emitted as `<name>.js` beside main.js (where `workerScript` looks for them).
 */
module.exports = (service, options = {}) => {
  const tsconfig = path.join(root, 'apps', service, 'tsconfig.app.json');
  return {
    mode: 'production',
    target: 'node20',
    context: root,
    entry: {
      main: `./apps/${service}/src/main.ts`,
      // Runs on a worker thread beside main.js (EventStoreThread): an event store and relay for high-volume facts.
      'event-store-thread.worker': './libs/shared/event-store/src/thread/event-store-thread.worker.ts',
      // The event relay's Kafka producer runs on a worker thread too (RelayProducerThread).
      'relay-producer.worker': './libs/shared/event-store/src/relay/relay-producer.worker.ts',
      ...(options.workers ?? {}),
    },
    output: { path: path.join(root, 'dist', 'apps', service), filename: '[name].js', clean: true },
    devtool: 'source-map',
    optimization: { minimize: false, nodeEnv: false },
    resolve: {
      extensions: ['.ts', '.js', '.json'],
      plugins: [new TsconfigPathsPlugin({ configFile: tsconfig, logLevel: 'ERROR' })],
    },
    externalsPresets: { node: true },
    externals: [nodeExternals({ modulesDir: path.join(root, 'node_modules') })],
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: 'ts-loader',
          // Types are checked once for the whole workspace by `npm run typecheck`.
          options: { transpileOnly: true, configFile: tsconfig },
        },
      ],
    },
    node: { __dirname: false, __filename: false },
    stats: 'errors-warnings',
    plugins: [new PrunedPackageJsonPlugin(service, options.runtimePackages ?? [])],
  };
};
