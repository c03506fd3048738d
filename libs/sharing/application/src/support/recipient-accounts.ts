import { randomUUID } from 'node:crypto';
import type { EventStore } from '@credstream/event-store';
import {
  recipientDecider,
  recipientStreamId,
  type RecipientCommand,
  type RecipientState,
} from '@credstream/sharing/domain';
import type { Clock } from '../ports/clock.port';
import type { RecipientDirectory } from '../ports/recipient-directory.port';
import { sharingMetadata, RECIPIENT_ACCOUNT_TENANT, type RequestContext } from './sharing-metadata';

/** Recipient accounts: one per email (recipientKey), created on first claim, changed through their decider. */
export class RecipientAccounts {
  constructor(
    private readonly store: EventStore,
    private readonly directory: RecipientDirectory,
    private readonly clock: Clock,
  ) {}

  /** The account of this email, registered now if there is none. */
  async accountFor(recipientKey: string, context: RequestContext): Promise<string> {
    const recipientId = await this.directory.bind(recipientKey, randomUUID());
    await this.handle(
      recipientId,
      { type: 'register', data: { recipientId, recipientKey, now: this.clock.now().toISOString() } },
      context,
    );
    return recipientId;
  }

  async handle(
    recipientId: string,
    command: RecipientCommand,
    context: RequestContext,
    tenantId = RECIPIENT_ACCOUNT_TENANT,
  ): Promise<RecipientState> {
    const result = await this.store.handle(
      recipientStreamId(recipientId),
      recipientDecider,
      command,
      sharingMetadata(context, tenantId, 'recipient', recipientId),
      { retriesOnConflict: 3 },
    );
    return result.state;
  }

  async state(recipientId: string): Promise<RecipientState> {
    return (await this.store.aggregate(recipientStreamId(recipientId), recipientDecider)).state;
  }
}
