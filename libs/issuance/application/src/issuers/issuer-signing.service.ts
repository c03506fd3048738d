import { ISSUER_ERROR_CODES, IssuerError, requireActiveSigningKey } from '@credstream/issuance/domain';
import type { SigningKeyVault } from '../ports/signing-key-vault.port';
import type { IssuerRepository } from './issuer-repository';
import type { ActiveIssuerSigner, IssuerSigningService } from './issuer-signing.port';

/** The issuer's active key from its stream (so a rotation takes effect on the next call), signing via the vault. */
export class EventSourcedIssuerSigningService implements IssuerSigningService {
  constructor(
    private readonly repository: IssuerRepository,
    private readonly vault: SigningKeyVault,
  ) {}

  async activeSigner(tenantId: string, issuerId: string): Promise<ActiveIssuerSigner> {
    const { state } = await this.repository.load(tenantId, issuerId);
    const key = requireActiveSigningKey(state);
    if (!key.kid.startsWith(`${state.did}#`)) {
      throw new IssuerError(ISSUER_ERROR_CODES.keyIdInvalid, `active key ${key.kid} is not under ${state.did}`);
    }
    const vault = this.vault;
    return {
      tenantId,
      issuerId,
      did: state.did,
      kid: key.kid,
      alg: key.alg,
      profile: { ...state.profile },
      keyRef: key.keyRef,
      sign: (data) => vault.sign(key.keyRef, data),
    };
  }
}
