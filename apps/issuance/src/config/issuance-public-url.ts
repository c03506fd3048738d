import { DynamicModule, Global, Module } from '@nestjs/common';

/** The service's public base URL without a trailing slash (string), e.g. `https://issuance.credstream.example`. */
export const ISSUANCE_PUBLIC_URL = Symbol('ISSUANCE_PUBLIC_URL');

/** Provides ISSUANCE_PUBLIC_URL to every module. */
@Global()
@Module({})
export class IssuancePublicUrlModule {
  static forRoot(publicUrl: string): DynamicModule {
    return {
      module: IssuancePublicUrlModule,
      providers: [{ provide: ISSUANCE_PUBLIC_URL, useValue: publicUrl.replace(/\/+$/, '') }],
      exports: [ISSUANCE_PUBLIC_URL],
    };
  }
}
