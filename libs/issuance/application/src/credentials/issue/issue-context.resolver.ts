import { CREDENTIAL_ERROR_CODES, CredentialError, type IssuanceTrigger } from '@credstream/issuance/domain';
import { IssuanceRequestError } from '../issuance-request.error';
import type { IssuingDirectory } from '../ports/issuing-directory.port';
import { sharedParts, type IssueContext } from './credential-issuer';

export interface IssueContextRequest {
  tenantId: string;
  achievementId: string;
  /** Defaults to the achievement's issuer. */
  issuerId?: string;
  trigger: IssuanceTrigger;
  correlationId: string;
  causationId?: string | null;
  jobId?: string;
}

/** Resolves and checks what every credential of a request shares: the tenant's achievement, issuer and active key. */
export class IssueContextResolver {
  constructor(private readonly directory: IssuingDirectory) {}

  async resolve(request: IssueContextRequest): Promise<IssueContext> {
    const achievement = await this.directory.achievement(request.tenantId, request.achievementId);
    if (!achievement || achievement.tenantId !== request.tenantId) {
      throw new IssuanceRequestError('ACHIEVEMENT_NOT_FOUND', `achievement ${request.achievementId} not found`, {
        field: 'achievementId',
        kind: 'not-found',
      });
    }
    if (achievement.archived) {
      throw new CredentialError(CREDENTIAL_ERROR_CODES.achievementArchived, 'the achievement is archived', {
        field: 'achievementId',
      });
    }
    const issuerId = request.issuerId ?? achievement.issuerId;
    const issuer = await this.directory.issuer(request.tenantId, issuerId);
    if (!issuer || issuer.tenantId !== request.tenantId) {
      throw new IssuanceRequestError('ISSUER_NOT_FOUND', `issuer ${issuerId} not found`, {
        field: 'issuerId',
        kind: 'not-found',
      });
    }
    const activeKey = issuer.activeKey;
    if (!activeKey) {
      throw new CredentialError(CREDENTIAL_ERROR_CODES.signingKeyUnknown, 'the issuer has no active signing key', {
        field: 'issuerId',
      });
    }
    if (activeKey.status !== 'active') {
      const code =
        activeKey.status === 'revoked'
          ? CREDENTIAL_ERROR_CODES.signingKeyRevoked
          : CREDENTIAL_ERROR_CODES.signingKeyNotActive;
      throw new CredentialError(code, `the issuer's signing key is ${activeKey.status}`, { field: 'issuerId' });
    }
    return {
      tenantId: request.tenantId,
      issuer: { ...issuer, activeKey },
      achievement,
      trigger: request.trigger,
      correlationId: request.correlationId,
      causationId: request.causationId ?? null,
      jobId: request.jobId,
      shared: sharedParts(issuer, achievement),
    };
  }
}
