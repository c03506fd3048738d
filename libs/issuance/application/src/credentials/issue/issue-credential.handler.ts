import { hash, randomUUID } from 'node:crypto';
import { credentialIdFromKey } from '@credstream/issuance/domain';
import { IssuanceRequestError } from '../issuance-request.error';
import type { CredentialIssuer, IssueRow } from './credential-issuer';
import type { IssueContextResolver } from './issue-context.resolver';

export interface IssueCredentialRequest {
  tenantId: string;
  achievementId: string;
  issuerId?: string;
  recipient: { email: string } | { did: string };
  recipientName?: string;
  cohort?: string;
  validUntil?: string;
  /** Same key (per tenant) → same credential: a retried request issues nothing twice. */
  idempotencyKey?: string;
  correlationId: string;
}

export interface IssuedCredential {
  credentialId: string;
  jwt: string;
  credential: Record<string, unknown>;
  /** False when the idempotency key had issued this credential before (nothing new was issued). */
  created: boolean;
}

/** Deterministic credential id of a tenant's idempotency key (bulk rows and API requests alike). */
export function credentialIdForKey(tenantId: string, idempotencyKey: string): string {
  const key = hash('sha256', JSON.stringify(['credstream.issue.v1', tenantId, idempotencyKey]), 'hex');
  return credentialIdFromKey(key);
}

/** POST /credentials and the VC-API issue endpoint: one credential, all or nothing. */
export class IssueCredentialHandler {
  constructor(
    private readonly contexts: IssueContextResolver,
    private readonly issuer: CredentialIssuer,
  ) {}

  async execute(request: IssueCredentialRequest): Promise<IssuedCredential> {
    const context = await this.contexts.resolve({ ...request, trigger: { kind: 'api' } });
    const row: IssueRow = {
      row: 0,
      credentialId: request.idempotencyKey
        ? credentialIdForKey(request.tenantId, request.idempotencyKey)
        : randomUUID(),
      recipient: request.recipient,
      recipientName: request.recipientName,
      cohort: request.cohort,
      validUntil: request.validUntil,
    };
    const outcome = await this.issuer.issueOne(context, row);
    switch (outcome.outcome) {
      case 'issued':
        return { credentialId: outcome.credentialId, jwt: outcome.jwt, credential: outcome.credential, created: true };
      case 'skipped':
        return { credentialId: outcome.credentialId, jwt: '', credential: {}, created: false };
      case 'failed':
        throw new IssuanceRequestError(outcome.code, outcome.reason, { field: outcome.field, kind: 'invalid' });
    }
  }
}
