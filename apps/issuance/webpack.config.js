// Bulk batches are signed on a worker thread (ADR 0006, session-9 amendment).
module.exports = require('../../tools/build/service-webpack.config.cjs')('issuance', {
  workers: {
    'vc-jwt-signing.worker': './libs/issuance/infrastructure/src/signing/signing-thread/vc-jwt-signing.worker.ts',
  },
});
