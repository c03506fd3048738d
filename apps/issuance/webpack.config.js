module.exports = require('../../tools/build/service-webpack.config.cjs')('issuance');
