import type { EventStore } from '@credstream/event-store';
import {
  verifierOrganisationDecider,
  verifierOrganisationStreamId,
  verifierProfile,
  type VerifierOrganisationCommand,
} from '@credstream/verification/domain';
import type {
  IssuedVerifierKey,
  RegisteredVerifier,
  VerifierDirectory,
  VerifierKeyMaker,
  VerifierKeySummary,
} from './verifier-directory.port';

/** Request facts the app passes in: ids, time and correlation are not the domain's to invent. */
export interface CommandContext {
  at: Date;
  correlationId: string;
}

export interface RegisteredVerifierWithKey {
  verifier: RegisteredVerifier;
  key: IssuedVerifierKey;
}

/**
 * Employers and other verifiers register an organisation and get an API key; verifications made with the key
 * carry the registered identity (name, ISIC sector, country), so analytics can count them as employer demand.
 */
export class VerifierOrganisationsHandler {
  constructor(
    private readonly store: EventStore,
    private readonly directory: VerifierDirectory,
    private readonly keys: VerifierKeyMaker,
  ) {}

  async register(
    input: { organisationId: string; name: string; sector: string; country: string },
    context: CommandContext,
  ): Promise<RegisteredVerifierWithKey> {
    const profile = verifierProfile(input);
    const key = this.keys.issue();
    const { organisationId } = input;
    await this.handle(
      organisationId,
      {
        type: 'register-verifier-organisation',
        data: { organisationId, profile, key: { keyId: key.keyId, hash: key.hash }, at: context.at.toISOString() },
      },
      context,
    );
    const verifier = { organisationId, ...profile };
    await this.directory.keyAdded(verifier, { keyId: key.keyId, hash: key.hash });
    return { verifier, key };
  }

  async issueKey(verifier: RegisteredVerifier, context: CommandContext): Promise<IssuedVerifierKey> {
    const key = this.keys.issue();
    const { organisationId } = verifier;
    await this.handle(
      organisationId,
      {
        type: 'issue-verifier-key',
        data: { organisationId, key: { keyId: key.keyId, hash: key.hash }, at: context.at.toISOString() },
      },
      context,
    );
    await this.directory.keyAdded(verifier, { keyId: key.keyId, hash: key.hash });
    return key;
  }

  async revokeKey(verifier: RegisteredVerifier, keyId: string, context: CommandContext): Promise<void> {
    const { organisationId } = verifier;
    await this.handle(
      organisationId,
      { type: 'revoke-verifier-key', data: { organisationId, keyId, at: context.at.toISOString() } },
      context,
    );
    await this.directory.keyRevoked(keyId);
  }

  keysOf(verifier: RegisteredVerifier): Promise<VerifierKeySummary[]> {
    return this.directory.keys(verifier.organisationId);
  }

  private async handle(organisationId: string, command: VerifierOrganisationCommand, context: CommandContext) {
    return this.store.handle(verifierOrganisationStreamId(organisationId), verifierOrganisationDecider, command, {
      // Verifier organisations belong to no institution; these events are internal and never published.
      tenantId: 'verifiers',
      correlationId: context.correlationId,
      causationId: null,
      source: 'verification',
      aggregateType: 'verifier-organisation',
      aggregateId: organisationId,
      occurredAt: context.at,
    });
  }
}
