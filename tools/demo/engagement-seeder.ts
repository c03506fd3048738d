import { DEMO_EMPLOYERS, VIEWER_COUNTRIES } from './demo-catalogue';
import { later, Random } from './demo-population';
import type { DemoStateFile } from './demo-state';
import type { IssuedCredential } from './issuance-seeder';
import { ClaimLink, MailInbox } from './mail-inbox';
import type { Progress } from './progress';
import { inPool, ServiceClient } from './service-client';

const CHANNELS: [string, number][] = [
  ['linkedin', 0.45],
  ['direct', 0.15],
  ['x', 0.12],
  ['facebook', 0.1],
  ['email', 0.1],
  ['embed', 0.08],
];

/** ISIC sections of the demo employers' sectors, as verifiers declare them. */
const ISIC: Record<string, string> = {
  'information-technology': 'J62',
  'financial-services': 'K64',
  energy: 'D35',
  construction: 'F41',
  automotive: 'C29',
  healthcare: 'Q86',
  logistics: 'H49',
};

interface Claimed {
  credential: IssuedCredential;
  claimedAt: Date;
}

interface Shared {
  credential: IssuedCredential;
  shareId: string;
  sharedAt: Date;
}

/**
 * What recipients and employers do with the credentials: claim them from the emailed link, make them
 * public and share them, strangers view the shared pages, employers verify them.
 */
export class EngagementSeeder {
  private readonly random = new Random(99);
  /** The session each claim signed in with (a week long, from the claim's date), by credential id. */
  private readonly sessions = new Map<string, string>();

  constructor(
    private readonly sharing: ServiceClient,
    private readonly verification: ServiceClient,
    private readonly issuance: ServiceClient,
    private readonly inbox: MailInbox,
    private readonly stateFile: DemoStateFile,
    private readonly progress: Progress,
    private readonly now: Date,
  ) {}

  /** Each stage is recorded in the state file when done, so an interrupted demo resumes where it stopped. */
  async run(issued: IssuedCredential[]): Promise<void> {
    const state = this.stateFile.state;
    const byId = new Map(issued.map((credential) => [credential.credentialId, credential]));
    Object.entries(state.sessions ?? {}).forEach(([credentialId, cookie]) => this.sessions.set(credentialId, cookie));
    let claimed = (state.claimed ?? []).flatMap(({ credentialId, claimedAt }) => {
      const credential = byId.get(credentialId);
      return credential ? [{ credential, claimedAt: new Date(claimedAt) }] : [];
    });
    if (!state.claimed) {
      claimed = await this.claims(issued);
      state.claimed = claimed.map(({ credential, claimedAt }) => ({
        credentialId: credential.credentialId,
        claimedAt: claimedAt.toISOString(),
      }));
      state.sessions = Object.fromEntries(this.sessions);
      this.stateFile.save();
    }
    let shared = (state.shared ?? []).flatMap(({ credentialId, shareId, sharedAt }) => {
      const credential = byId.get(credentialId);
      return credential ? [{ credential, shareId, sharedAt: new Date(sharedAt) }] : [];
    });
    if (!state.shared) {
      shared = await this.shares(claimed);
      state.shared = shared.map(({ credential, shareId, sharedAt }) => ({
        credentialId: credential.credentialId,
        shareId,
        sharedAt: sharedAt.toISOString(),
      }));
      this.stateFile.save();
    }
    if (!this.stateFile.isDone('views')) {
      await this.views(shared);
      this.stateFile.markDone('views');
    }
    if (!this.stateFile.isDone('verifications')) {
      await this.verifications(shared);
      this.stateFile.markDone('verifications');
    }
  }

  private async claims(issued: IssuedCredential[]): Promise<Claimed[]> {
    const wanted = issued.filter(() => this.random.chance(0.72));
    const bar = this.progress.bar('claims (emailed links)', wanted.length);
    const links = await this.awaitClaimLinks(new Set(wanted.map((credential) => credential.credentialId)));
    const claimed: Claimed[] = [];
    await inPool(wanted, 8, async (credential) => {
      const link = links.get(credential.credentialId);
      if (!link) return void bar.increment();
      const claimedAt = later(this.random, credential.issuedAt, 12, this.now);
      await this.claim(credential, link, claimedAt);
      claimed.push({ credential, claimedAt });
      bar.increment();
    });
    return claimed;
  }

  private async awaitClaimLinks(wanted: Set<string>): Promise<Map<string, ClaimLink>> {
    const found = new Map<string, ClaimLink>();
    const deadline = Date.now() + 5 * 60_000;
    while (Date.now() < deadline) {
      for (const [credentialId, link] of await this.inbox.claimLinks()) found.set(credentialId, link);
      if ([...wanted].every((credentialId) => found.has(credentialId))) break;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
    return found;
  }

  private async claim(credential: IssuedCredential, link: ClaimLink, claimedAt: Date): Promise<void> {
    const response = await fetch(`${this.sharing.baseUrl}/api/claims`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-credstream-occurred-at': claimedAt.toISOString(),
      },
      body: JSON.stringify(link),
    });
    if (!response.ok)
      throw new Error(`claim ${credential.credentialId}: HTTP ${response.status} ${await response.text()}`);
    const cookie = response.headers.get('set-cookie')?.split(';')[0];
    if (cookie) this.sessions.set(credential.credentialId, cookie);
  }

  private async shares(claimed: Claimed[]): Promise<Shared[]> {
    const chosen = claimed.filter(() => this.random.chance(0.6));
    const bar = this.progress.bar('accepted, public and shared', chosen.length);
    const shared: Shared[] = [];
    await inPool(chosen, 8, async ({ credential, claimedAt }) => {
      const cookie = this.sessions.get(credential.credentialId);
      if (!cookie) return void bar.increment();
      const headers = { cookie };
      const base = `/api/wallet/credentials/${credential.credentialId}`;
      const at = (days: number) => ({ headers, occurredAt: later(this.random, claimedAt, days, this.now) });
      await this.sharing.call('POST', `${base}/accept`, at(1));
      await this.sharing.call('PUT', `${base}/visibility`, { ...at(1), body: { visibility: 'public' } });
      const channels = new Set([this.random.weighted(CHANNELS), this.random.weighted(CHANNELS)]);
      for (const channel of channels) {
        // Within the week the claim's session lasts.
        const sharedAt = later(this.random, claimedAt, 6, this.now);
        const share = await this.sharing.call<{ shareId: string }>('POST', `${base}/shares`, {
          headers,
          occurredAt: sharedAt,
          body: { channel },
        });
        shared.push({ credential, shareId: share.shareId, sharedAt });
        this.stateFile.state.sampleCredentialId ??= credential.credentialId;
      }
      bar.increment();
    });
    return shared;
  }

  private async views(shared: Shared[]): Promise<void> {
    const visits = shared.flatMap((share) =>
      Array.from({ length: this.random.int(0, 9) }, (_, n) => ({
        share,
        country: this.random.weighted(VIEWER_COUNTRIES),
        viewer: `Mozilla/5.0 (X11; Linux x86_64) credstream-demo-viewer/${this.random.int(1, 4000)}.${n}`,
        at: later(this.random, share.sharedAt, 45, this.now),
      })),
    );
    const bar = this.progress.bar('public page views', visits.length);
    await inPool(visits, 16, async (visit) => {
      const response = await fetch(`${this.sharing.baseUrl}/s/${visit.share.shareId}`, {
        headers: {
          'cf-ipcountry': visit.country,
          'user-agent': visit.viewer,
          'x-credstream-occurred-at': visit.at.toISOString(),
        },
        redirect: 'manual',
      });
      await response.arrayBuffer();
      if (response.status >= 400) throw new Error(`view ${visit.share.shareId}: HTTP ${response.status}`);
      bar.increment();
    });
  }

  /** Employers check some shared credentials; a revoked one fails, as it should. */
  private async verifications(shared: Shared[]): Promise<void> {
    const seen = new Set<string>();
    const chosen = shared.filter(
      ({ credential }) =>
        !seen.has(credential.credentialId) && seen.add(credential.credentialId) && this.random.chance(0.5),
    );
    const bar = this.progress.bar('employer verifications', chosen.length);
    await inPool(chosen, 8, async ({ credential, sharedAt }) => {
      const apiKey = this.stateFile.state.tenants[credential.tenantId]?.apiKey;
      const jwt = await this.issuance.call<string>('GET', `/credentials/${credential.credentialId}`, {
        apiKey,
        headers: { accept: 'application/vc+jwt' },
      });
      const employer = this.random.pick(DEMO_EMPLOYERS);
      await this.verification.call('POST', '/verify', {
        occurredAt: later(this.random, sharedAt, 30, this.now),
        body: {
          credential: jwt.trim(),
          verifier: { organization: employer.name, sector: ISIC[employer.sector], country: employer.country },
        },
      });
      bar.increment();
    });
  }
}
