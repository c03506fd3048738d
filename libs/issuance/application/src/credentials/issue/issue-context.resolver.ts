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

  /**
   * Contexts for many requests at once (one batch of work): each issuer and achievement is read once for all
   * of them. Each result is the context or the error `resolve` would have thrown for that request.
   */
  async resolveAll(requests: readonly IssueContextRequest[]): Promise<(IssueContext | Error)[]> {
    const once = new IssueContextResolver(memoized(this.directory));
    return Promise.all(requests.map((request) => once.resolve(request).catch((error: unknown) => asError(error))));
  }

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

/** The directory's answers remembered for the lifetime of the wrapper (one batch). */
function memoized(directory: IssuingDirectory): IssuingDirectory {
  const issuers = new Map<string, ReturnType<IssuingDirectory['issuer']>>();
  const achievements = new Map<string, ReturnType<IssuingDirectory['achievement']>>();
  const remember = <T>(cache: Map<string, T>, key: string, load: () => T): T => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = load()));
    return value;
  };
  return {
    issuer: (tenantId, issuerId) =>
      remember(issuers, JSON.stringify([tenantId, issuerId]), () => directory.issuer(tenantId, issuerId)),
    defaultIssuer: (tenantId) => directory.defaultIssuer(tenantId),
    achievement: (tenantId, achievementId) =>
      remember(achievements, JSON.stringify([tenantId, achievementId]), () =>
        directory.achievement(tenantId, achievementId),
      ),
  };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
