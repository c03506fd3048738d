import { recipientKey } from '@credstream/open-badges';
import { DEMO_EMPLOYERS } from './demo-catalogue';
import { later, Random } from './demo-population';
import type { DemoStateFile } from './demo-state';
import type { IssuedCredential } from './issuance-seeder';
import { PartnerFeed, partnerEvent } from './partner-feed';
import type { Progress } from './progress';

/** The partner HR feed: some credential holders are hired within months, a few promoted later. */
export class OutcomeSeeder {
  constructor(
    private readonly stateFile: DemoStateFile,
    private readonly progress: Progress,
    private readonly feed: PartnerFeed,
    private readonly now: Date,
  ) {}

  async employment(issued: IssuedCredential[]): Promise<void> {
    if (this.stateFile.isDone('employment')) return;
    const random = new Random(42);
    const firstByLearner = new Map<number, IssuedCredential>();
    for (const credential of issued) {
      const known = firstByLearner.get(credential.completion.learner.index);
      if (!known || credential.issuedAt < known.issuedAt)
        firstByLearner.set(credential.completion.learner.index, credential);
    }
    const events = [];
    for (const credential of firstByLearner.values()) {
      if (!random.chance(0.38)) continue;
      const employer = random.pick(DEMO_EMPLOYERS);
      const person = { recipientKey: recipientKey(credential.completion.learner.email) };
      const startedAt = later(random, credential.issuedAt, 200, this.now);
      const hr = {
        partner: 'demo-hr',
        tenantId: credential.tenantId,
        aggregateType: 'person',
        aggregateId: person.recipientKey,
      };
      events.push(
        partnerEvent({
          ...hr,
          type: 'person.hired.v1',
          occurredAt: startedAt,
          data: {
            person,
            employer,
            role: `Junior ${credential.completion.achievement.tags[0] ?? 'specialist'} role`,
            startedAt: startedAt.toISOString(),
          },
        }),
      );
      if (random.chance(0.15)) {
        const promotedAt = later(random, startedAt, 120, this.now);
        events.push(
          partnerEvent({
            ...hr,
            type: 'person.promoted.v1',
            occurredAt: promotedAt,
            data: {
              person,
              employer: { name: employer.name, sector: employer.sector, country: employer.country },
              promotedAt: promotedAt.toISOString(),
            },
          }),
        );
      }
    }
    const bar = this.progress.bar('employment outcomes (Kafka)', events.length);
    for (let start = 0; start < events.length; start += 500) {
      await this.feed.send(events.slice(start, start + 500));
      bar.increment(Math.min(500, events.length - start));
    }
    this.stateFile.markDone('employment');
  }
}
