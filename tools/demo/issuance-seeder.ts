import { recipientKey } from '@credstream/open-badges';
import type { DemoAchievement, DemoInstitution } from './demo-catalogue';
import type { DemoCompletion } from './demo-population';
import { Random, later } from './demo-population';
import type { DemoStateFile, DemoTenant } from './demo-state';
import { PartnerFeed, partnerEvent } from './partner-feed';
import type { Progress } from './progress';
import { inPool, ServiceClient, ServiceError } from './service-client';

/** A credential the demo's completions produced, joined back to the learner and achievement. */
export interface IssuedCredential {
  credentialId: string;
  tenantId: string;
  completion: DemoCompletion;
  issuedAt: Date;
  status: string;
}

interface CreatedTenant {
  apiKey: { key: string };
}

interface CredentialPage {
  items: { credentialId: string; recipientKey: string; achievementId: string; issuedAt: string; status: string }[];
  next?: string;
}

const REVOCATION_REASONS = ['issued in error', 'academic misconduct', 'assessment annulled'];

export class IssuanceSeeder {
  constructor(
    private readonly issuance: ServiceClient,
    private readonly adminToken: string,
    private readonly stateFile: DemoStateFile,
    private readonly progress: Progress,
    private readonly feed: PartnerFeed,
  ) {}

  /** Tenants with an API key, an issuer each, their achievements and the rules that award them. */
  async institutions(institutions: DemoInstitution[]): Promise<void> {
    const total = institutions.reduce((n, institution) => n + 2 + 2 * institution.achievements.length, 0);
    const bar = this.progress.bar('institutions & achievements', total);
    for (const institution of institutions) {
      const tenant = await this.tenant(institution);
      bar.increment();
      tenant.issuerId ??= await this.issuer(institution, tenant.apiKey);
      this.stateFile.save();
      bar.increment();
      for (const achievement of institution.achievements) {
        let achievementId = tenant.achievements[achievement.key];
        if (!achievementId) {
          achievementId = await this.achievement(achievement, tenant.apiKey, tenant.issuerId);
          tenant.achievements[achievement.key] = achievementId;
          this.stateFile.save();
        }
        bar.increment();
        await this.rule(institution, achievement, tenant.apiKey, achievementId, tenant.issuerId);
        bar.increment();
      }
    }
  }

  /** The institutions' LMS reports every completion on partner.learning.v1, dated when it happened. */
  async completions(completions: DemoCompletion[]): Promise<void> {
    if (this.stateFile.isDone('completions')) return;
    const bar = this.progress.bar('LMS completions (Kafka)', completions.length);
    for (let start = 0; start < completions.length; start += 500) {
      const batch = completions.slice(start, start + 500);
      await this.feed.send(batch.map(completionEvent));
      bar.increment(batch.length);
    }
    this.stateFile.markDone('completions');
  }

  /**
   * Waits until issuance has awarded every passing completion, and returns those credentials. While issuing, it
   * asks only for each tenant's count of partner-triggered credentials (a top-level equality count, cheap on
   * FerretDB); the full listing (a scan per page) is read once the counts are reached.
   */
  async awaitIssued(completions: DemoCompletion[]): Promise<IssuedCredential[]> {
    const expected = completions.filter((completion) => completion.score >= completion.achievement.minimumScore);
    const bar = this.progress.bar('credentials issued', expected.length);
    const byKey = new Map(expected.map((completion) => [completionKey(completion), completion]));
    const deadline = Date.now() + 45 * 60_000;
    for (;;) {
      const counted = await this.partnerIssuedCount();
      bar.update(Math.min(counted, expected.length));
      if (counted >= expected.length) {
        const issued = await this.allIssued(byKey);
        bar.update(issued.length);
        if (issued.length >= expected.length) return issued;
      }
      if (Date.now() > deadline) {
        throw new Error(`only ${counted} of ${expected.length} credentials were issued within 45 minutes`);
      }
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }

  /** A few credentials are revoked, some time after they were issued. */
  async revocations(issued: IssuedCredential[], now: Date): Promise<void> {
    if (this.stateFile.isDone('revocations')) return;
    const random = new Random(7);
    const chosen = issued.filter(() => random.chance(0.012));
    const bar = this.progress.bar('revocations', chosen.length);
    await inPool(chosen, 4, async (credential) => {
      const key = this.stateFile.state.tenants[credential.tenantId]?.apiKey;
      await this.issuance
        .call('POST', `/credentials/${credential.credentialId}/revoke`, {
          apiKey: key,
          occurredAt: later(random, credential.issuedAt, 60, now),
          body: { reason: random.pick(REVOCATION_REASONS) },
        })
        .catch(ignoreStatus(409));
      bar.increment();
    });
    this.stateFile.markDone('revocations');
  }

  private async tenant(institution: DemoInstitution): Promise<DemoTenant> {
    const known = this.stateFile.state.tenants[institution.tenantId];
    if (known) return known;
    const created = await this.issuance.call<CreatedTenant>('POST', '/admin/tenants', {
      apiKey: this.adminToken,
      body: {
        tenantId: institution.tenantId,
        name: institution.name,
        country: institution.country,
        sector: institution.sector,
        initialApiKey: { name: 'demo', scopes: ['admin', 'issue', 'revoke', 'analytics-read'] },
      },
    });
    const tenant: DemoTenant = { apiKey: created.apiKey.key, achievements: {} };
    this.stateFile.state.tenants[institution.tenantId] = tenant;
    this.stateFile.save();
    return tenant;
  }

  private async issuer(institution: DemoInstitution, apiKey: string): Promise<string> {
    const issuer = await this.issuance.call<{ issuerId: string }>('POST', '/issuers', {
      apiKey,
      body: {
        name: institution.name,
        url: institution.issuerUrl,
        email: `credentials@${new URL(institution.issuerUrl).hostname}`,
        description: `Credentials awarded by ${institution.name}.`,
      },
    });
    return issuer.issuerId;
  }

  private async achievement(achievement: DemoAchievement, apiKey: string, issuerId: string): Promise<string> {
    const created = await this.issuance.call<{ achievementId: string }>('POST', '/achievements', {
      apiKey,
      body: {
        issuerId,
        name: achievement.name,
        description: achievement.description,
        criteria: {
          narrative: `Complete ${achievement.courseId} with a score of ${achievement.minimumScore} or more.`,
        },
        achievementType: achievement.achievementType,
        tags: achievement.tags,
        alignments: achievement.skills.map((skill) => ({
          targetName: skill.name,
          targetUrl: skill.url,
          targetCode: skill.code,
          targetFramework: 'ESCO',
        })),
      },
    });
    return created.achievementId;
  }

  private async rule(
    institution: DemoInstitution,
    achievement: DemoAchievement,
    apiKey: string,
    achievementId: string,
    issuerId: string,
  ): Promise<void> {
    const step = `rule:${institution.tenantId}:${achievement.key}`;
    if (this.stateFile.isDone(step)) return;
    await this.issuance.call('POST', '/issuance-rules', {
      apiKey,
      body: { partnerCourseId: achievement.courseId, minimumScore: achievement.minimumScore, achievementId, issuerId },
    });
    this.stateFile.markDone(step);
  }

  private async partnerIssuedCount(): Promise<number> {
    let total = 0;
    for (const tenant of Object.values(this.stateFile.state.tenants)) {
      const { count } = await this.issuance.call<{ count: number }>('GET', '/credentials/count?trigger=partner', {
        apiKey: tenant.apiKey,
      });
      total += count;
    }
    return total;
  }

  private async allIssued(expected: Map<string, DemoCompletion>): Promise<IssuedCredential[]> {
    const issued: IssuedCredential[] = [];
    for (const [tenantId, tenant] of Object.entries(this.stateFile.state.tenants)) {
      const achievementKeys = new Map(Object.entries(tenant.achievements).map(([key, id]) => [id, key]));
      let after: string | undefined;
      do {
        const query = `/credentials?limit=200${after ? `&after=${encodeURIComponent(after)}` : ''}`;
        const page = await this.issuance.call<CredentialPage>('GET', query, { apiKey: tenant.apiKey });
        for (const item of page.items) {
          const key = `${tenantId}|${achievementKeys.get(item.achievementId)}|${item.recipientKey}`;
          const completion = expected.get(key);
          if (completion) {
            issued.push({
              credentialId: item.credentialId,
              tenantId,
              completion,
              issuedAt: new Date(item.issuedAt),
              status: item.status,
            });
          }
        }
        after = page.next;
      } while (after);
    }
    return issued;
  }
}

function completionKey(completion: DemoCompletion): string {
  return `${completion.institution.tenantId}|${completion.achievement.key}|${recipientKey(completion.learner.email)}`;
}

function completionEvent(completion: DemoCompletion) {
  const { learner, institution, achievement } = completion;
  return partnerEvent({
    type: 'learning.completed.v1',
    partner: `${institution.tenantId}-lms`,
    tenantId: institution.tenantId,
    aggregateType: 'learner',
    aggregateId: `learner-${learner.index + 1}`,
    occurredAt: completion.completedAt,
    data: {
      learner: { email: learner.email, externalId: `lms-${learner.index + 1}`, name: learner.name },
      course: { id: achievement.courseId, kind: 'course', name: achievement.name },
      completedAt: completion.completedAt.toISOString(),
      grade: String(completion.score),
      cohort: completion.cohort,
    },
  });
}

function ignoreStatus(status: number) {
  return (error: unknown) => {
    if (!(error instanceof ServiceError && error.status === status)) throw error;
  };
}
