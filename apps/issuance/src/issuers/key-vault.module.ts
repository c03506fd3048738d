import { DynamicModule, Global, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { SIGNING_KEY_VAULT, type SigningKeyVault } from '@credstream/issuance/application';
import { AesGcmSigningKeyVault } from '@credstream/issuance/infrastructure';
import { ROOT_LOGGER } from '@credstream/runtime';
import { DEVELOPMENT_MASTER_KEY, type IssuerIdentityConfig } from '../config/issuance.config';

/**
 * SIGNING_KEY_VAULT for every module: issuer private keys sealed with AES-256-GCM under the configured master key
 * (a cloud KMS adapter can replace it behind the same port). Without a master key (development only), a fixed
 * public one is used and a warning logged.
 */
@Global()
@Module({})
export class KeyVaultModule {
  static register(config: IssuerIdentityConfig): DynamicModule {
    return {
      module: KeyVaultModule,
      providers: [
        {
          provide: SIGNING_KEY_VAULT,
          inject: [ROOT_LOGGER],
          useFactory: (logger: Logger): SigningKeyVault => {
            if (!config.SIGNING_KEY_MASTER_KEY) {
              logger.warn('SIGNING_KEY_MASTER_KEY is not set: issuer keys are sealed under the public development key');
            }
            return new AesGcmSigningKeyVault({
              masterKey: config.SIGNING_KEY_MASTER_KEY ?? DEVELOPMENT_MASTER_KEY,
              masterKeyId: config.SIGNING_KEY_MASTER_KEY ? config.SIGNING_KEY_MASTER_KEY_ID : 'development-insecure',
              retiredMasterKeys: (config.SIGNING_KEY_RETIRED_MASTER_KEYS ?? []).map((masterKey) => ({ masterKey })),
            });
          },
        },
      ],
      exports: [SIGNING_KEY_VAULT],
    };
  }
}
