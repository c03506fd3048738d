import type { EventStore } from '@credstream/event-store';
import { issuerDecider, ISSUER_ERROR_CODES, IssuerError, type IssuerState } from '@credstream/issuance/domain';
import { streamTimes } from '../common/stream-times';
import { issuerStreamId } from './issuer-stream';
import { issuerViewOf, type IssuerView } from './issuer-view';

export type ExistingIssuerState = IssuerState & { issuerId: string };

/** Reads an issuer from its stream, as seen by one tenant: another tenant's issuer is ISSUER_NOT_FOUND. */
export class IssuerRepository {
  constructor(private readonly store: EventStore) {}

  async load(
    tenantId: string,
    issuerId: string,
  ): Promise<{ state: ExistingIssuerState; version: number; view: IssuerView }> {
    const events = await this.store.readStream(issuerStreamId(issuerId));
    const state = events.reduce(
      (current, event) => issuerDecider.evolve(current, event as Parameters<typeof issuerDecider.evolve>[1]),
      issuerDecider.initialState(),
    );
    assertOwnedBy(state, tenantId, issuerId);
    const { version, ...times } = streamTimes(events);
    return { state, version, view: issuerViewOf(state, version, times) };
  }

  /** The issuer whoever owns it (public DID documents). */
  async loadPublic(issuerId: string): Promise<ExistingIssuerState> {
    const { state } = await this.store.aggregate(issuerStreamId(issuerId), issuerDecider);
    if (state.issuerId === undefined) throw notFound(issuerId);
    return state as ExistingIssuerState;
  }
}

export function assertOwnedBy(
  state: IssuerState,
  tenantId: string,
  issuerId: string,
): asserts state is ExistingIssuerState {
  if (state.issuerId === undefined || state.tenantId !== tenantId) throw notFound(issuerId);
}

function notFound(issuerId: string): IssuerError {
  return new IssuerError(ISSUER_ERROR_CODES.notFound, `issuer ${issuerId} does not exist`, { field: 'issuerId' });
}
