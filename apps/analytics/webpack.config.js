// chart.js: its browser build is served to the dashboards from node_modules at run time.
// The projection decodes fetched batches on a worker thread (ADR 0008).
module.exports = require('../../tools/build/service-webpack.config.cjs')('analytics', {
  runtimePackages: ['chart.js'],
  workers: {
    'projection-decoder.worker': './libs/analytics/infrastructure/src/projection/decoding/projection-decoder.worker.ts',
  },
});
