// chart.js: its browser build is served to the dashboards from node_modules at run time.
module.exports = require('../../tools/build/service-webpack.config.cjs')('analytics', {
  runtimePackages: ['chart.js'],
});
