import { randomInt } from 'node:crypto';
import type { EventStore } from '@credstream/event-store';
import { StreamVersionConflictError } from '@credstream/event-store';
import { evolveAll } from '@credstream/event-sourcing';
import {
  freeStatusIndexes,
  pickStatusIndexes,
  statusListBytes,
  statusListDecider,
  type StatusEntry,
  type StatusListCommand,
  type StatusListState,
} from '@credstream/issuance/domain';
import { BitstringStatusList, buildStatusListCredential, type StatusPurpose } from '@credstream/open-badges';
import type { CredentialSigner } from '../credentials/ports/credential-signer.port';
import type { IssuingDirectory } from '../credentials/ports/issuing-directory.port';
import type { StatusEntryAllocator, StatusListOwner } from './status-entry-allocator.port';
import {
  statusListKeyOf,
  statusListStreamId,
  statusListUrl,
  type PublishedStatusList,
  type StatusListKey,
  type StatusListRepository,
  type StatusListSettings,
} from './status-list.ports';

interface CachedList {
  state: StatusListState;
  version: number;
}

export class StatusListError extends Error {
  constructor(
    readonly code: 'STATUS_LIST_NOT_FOUND' | 'STATUS_LIST_ISSUER_KEY_MISSING',
    message: string,
  ) {
    super(message);
  }
}

const CONFLICT_RETRIES = 5;

function listIdOf(state: StatusListState): string {
  if (state.statusListId === undefined)
    throw new StatusListError('STATUS_LIST_NOT_FOUND', 'the status list does not exist');
  return state.statusListId;
}

/**
 * An issuer's status lists: allocation of random, never reused indexes (one `indexes-allocated` event per call,
 * however many indexes), setting and clearing bits, and the signed list credential regenerated on every change.
 * Allocations of one process are serialised per series; other processes are fenced by the stream version.
 */
export class StatusListService implements StatusEntryAllocator {
  private readonly cache = new Map<string, CachedList>();
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: EventStore,
    private readonly repository: StatusListRepository,
    private readonly directory: IssuingDirectory,
    private readonly signer: CredentialSigner,
    private readonly settings: StatusListSettings,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  allocate(owner: StatusListOwner, purpose: StatusPurpose, count: number): Promise<StatusEntry[]> {
    return this.serialised(`${owner.issuerId}:${purpose}`, () => this.allocateNow(owner, purpose, count));
  }

  /** Sets (revoke, suspend) or clears (reinstate) the entry's bit and republishes the list. Idempotent. */
  async setStatus(entry: StatusEntry, value: boolean, correlationId: string): Promise<void> {
    const key = statusListKeyOf(entry.statusListId);
    if (!key) throw new StatusListError('STATUS_LIST_NOT_FOUND', `${entry.statusListId} is not a list of this service`);
    const command: StatusListCommand = value
      ? { type: 'set-status', data: { index: entry.index } }
      : { type: 'clear-status', data: { index: entry.index } };
    await this.serialised(`${key.issuerId}:${key.purpose}:${key.seq}`, async () => {
      const streamId = statusListStreamId(key);
      const current = await this.load(streamId);
      const result = await this.store.handle(
        streamId,
        statusListDecider,
        command,
        this.metadata(current.state, correlationId),
        {
          retriesOnConflict: CONFLICT_RETRIES,
        },
      );
      const fresh = { state: result.state, version: result.version };
      this.cache.set(streamId, fresh);
      if (result.events.length > 0 || !(await this.repository.findPublished(key))) await this.publish(key, fresh);
    });
  }

  /** The signed list credential; generated on first request when a change was not published (e.g. after a crash). */
  async published(key: StatusListKey): Promise<PublishedStatusList | undefined> {
    const saved = await this.repository.findPublished(key);
    if (saved) return saved;
    const list = await this.load(statusListStreamId(key), true);
    if (list.state.statusListId === undefined) return undefined;
    return this.publish(key, list);
  }

  private async allocateNow(owner: StatusListOwner, purpose: StatusPurpose, count: number): Promise<StatusEntry[]> {
    const entries: StatusEntry[] = [];
    let seq = await this.repository.currentSeq(owner.issuerId, purpose);
    for (let attempt = 0; entries.length < count;) {
      const key: StatusListKey = { issuerId: owner.issuerId, purpose, seq };
      const streamId = statusListStreamId(key);
      let list = await this.load(streamId);
      if (list.state.statusListId === undefined) list = await this.create(owner, key);
      const usable = Math.floor(list.state.size * this.settings.maxFill) - list.state.allocated.size;
      const take = Math.min(usable, freeStatusIndexes(list.state), count - entries.length);
      if (take <= 0) {
        seq = await this.repository.advance(owner.issuerId, purpose, seq);
        continue;
      }
      const indexes = pickStatusIndexes(list.state, take, randomInt);
      const statusListId = listIdOf(list.state);
      try {
        const appended = await this.store.append(
          streamId,
          list.version,
          [{ type: 'status-list.indexes-allocated', data: { statusListId, indexes } }],
          this.metadata(list.state, `allocate-${streamId}`),
        );
        const state = statusListDecider.evolve(list.state, {
          type: 'status-list.indexes-allocated',
          data: { statusListId, indexes },
        });
        this.cache.set(streamId, { state, version: appended.version });
        for (const index of indexes) entries.push({ statusListId, index });
      } catch (error) {
        if (!(error instanceof StreamVersionConflictError) || ++attempt > CONFLICT_RETRIES) throw error;
        this.cache.delete(streamId);
      }
    }
    return entries;
  }

  private async create(owner: StatusListOwner, key: StatusListKey): Promise<CachedList> {
    const streamId = statusListStreamId(key);
    const command: StatusListCommand = {
      type: 'create-status-list',
      data: {
        statusListId: statusListUrl(this.settings.publicBaseUrl, key),
        tenantId: owner.tenantId,
        issuerId: owner.issuerId,
        purpose: key.purpose,
        size: this.settings.size,
      },
    };
    const initial = statusListDecider.initialState();
    try {
      const events = statusListDecider.decide(command, initial);
      const appended = await this.store.append(
        streamId,
        'no-stream',
        events,
        this.metadata({ ...initial, tenantId: owner.tenantId }, `create-${streamId}`),
      );
      const list = { state: evolveAll(statusListDecider, events), version: appended.version };
      this.cache.set(streamId, list);
      await this.publish(key, list);
      return list;
    } catch (error) {
      if (!(error instanceof StreamVersionConflictError)) throw error;
      return this.load(streamId, true);
    }
  }

  private async publish(key: StatusListKey, list: CachedList): Promise<PublishedStatusList> {
    const { state } = list;
    const issuer = await this.directory.issuer(state.tenantId, state.issuerId);
    if (!issuer?.activeKey) {
      throw new StatusListError('STATUS_LIST_ISSUER_KEY_MISSING', `issuer ${state.issuerId} has no active key`);
    }
    const now = this.clock();
    now.setMilliseconds(0);
    const url = listIdOf(state);
    const credential = buildStatusListCredential({
      id: url,
      issuer: issuer.did,
      statusPurpose: state.purpose,
      encodedList: BitstringStatusList.fromBytes(statusListBytes(state)).encode(),
      validFrom: now,
      ttl: this.settings.ttlMs,
    });
    const jwt = await this.signer.sign(
      { ...credential, id: credential.id, issuer: credential.issuer, credentialSubject: credential.credentialSubject },
      issuer.activeKey,
    );
    const published: PublishedStatusList = {
      ...key,
      url,
      tenantId: state.tenantId,
      jwt,
      version: list.version,
      updatedAt: now.toISOString(),
    };
    await this.repository.savePublished(published);
    return published;
  }

  private async load(streamId: string, fresh = false): Promise<CachedList> {
    const cached = fresh ? undefined : this.cache.get(streamId);
    if (cached) return cached;
    const { state, version } = await this.store.aggregate(streamId, statusListDecider);
    const list = { state, version };
    if (version > 0) this.cache.set(streamId, list);
    return list;
  }

  private metadata(state: Pick<StatusListState, 'tenantId'>, correlationId: string) {
    return {
      tenantId: state.tenantId,
      correlationId,
      causationId: null,
      source: 'issuance',
      aggregateType: 'status-list',
    };
  }

  private serialised<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.locks.set(key, settled);
    void settled.then(() => {
      if (this.locks.get(key) === settled) this.locks.delete(key);
    });
    return next;
  }
}
