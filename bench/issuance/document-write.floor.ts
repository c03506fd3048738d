import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { MongoEventStore } from '@credstream/event-store';
import type { CredentialSummary } from '@credstream/issuance/application';
import { MongoCredentialReadModel } from '@credstream/issuance/infrastructure';

export interface DocumentWriteFloor {
  /** Read-model rows (`issuance_credentials`, its indexes) inserted per second, 500 per insertMany. */
  readModelRowsPerSecond: number;
  /** New one-event streams per second through `appendToNewStreams` (500 reservations + one batch commit). */
  newStreamsPerSecond: number;
  /** Both writes of every bulk credential, one after the other: the store's ceiling for bulk issuance. */
  credentialsPerSecond: number;
}

const BATCH = 500;

/**
 * What the database alone allows for bulk issuance: the writes every bulk credential costs, through the real
 * adapters into scratch collections of the same database, 500 at a time, one after the other — its read-model
 * row, and its new stream with one event of `eventBytes` (the size of a real credential.issued.v1 envelope, JWT
 * included) in a batch commit. Nothing is signed, allocated, relayed or published.
 */
export async function measureDocumentWriteFloor(
  connection: Connection,
  documents: number,
  eventBytes: number,
): Promise<DocumentWriteFloor> {
  const tag = `floor_${Date.now()}_`;
  const readModel = new MongoCredentialReadModel(connection, `${tag}credentials`);
  const store = new MongoEventStore({ connection, collectionPrefix: tag });
  await store.init();
  await readModel.claim([summary(randomUUID())]);
  // An internal (non-catalogue) event type: stored like a credential.issued.v1, never validated or published.
  const filler = 'x'.repeat(Math.max(eventBytes - 400, 0));
  try {
    const readModelSeconds = await timed(documents, (ids) => readModel.claim(ids.map(summary)));
    const streamSeconds = await timed(documents, (ids) =>
      store.appendToNewStreams(
        ids.map((streamId) => ({ streamId, events: [{ type: 'bench.floor-filler', data: { filler } }] })),
        {
          tenantId: 'bench-floor',
          correlationId: randomUUID(),
          causationId: null,
          source: 'bench',
          aggregateType: 'x',
        },
      ),
    );
    return {
      readModelRowsPerSecond: documents / readModelSeconds,
      newStreamsPerSecond: documents / streamSeconds,
      credentialsPerSecond: documents / (readModelSeconds + streamSeconds),
    };
  } finally {
    for (const name of ['credentials', 'commits', 'positions', 'relay_leases']) {
      await connection.dropCollection(`${tag}${name}`).catch(() => undefined);
    }
  }
}

async function timed(documents: number, write: (ids: string[]) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let done = 0; done < documents; done += BATCH) {
    await write(Array.from({ length: Math.min(BATCH, documents - done) }, () => randomUUID()));
  }
  return (performance.now() - started) / 1000;
}

function summary(credentialId: string): CredentialSummary {
  const hex = credentialId.replace(/-/g, '');
  return {
    credentialId,
    tenantId: 'bench-floor',
    issuerId: '5d1c1f0e-6a43-4a55-9d1b-2f5b8f8c1a01',
    achievementId: '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
    achievementRevision: 1,
    recipientHash: `sha256$${hex}${hex}`,
    recipientKey: `${hex}${hex}`,
    recipientName: 'Learner',
    status: 'issued',
    issuedAt: new Date().toISOString(),
    validFrom: new Date().toISOString(),
    validUntil: null,
    trigger: 'bulk',
    jobId: '0f9e8d7c-6b5a-4c3d-2e1f-0a9b8c7d6e5f',
  };
}
