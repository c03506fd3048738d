import { DomainError } from '@credstream/event-sourcing';
import { ACHIEVEMENT_ERROR_CODES, ISSUER_ERROR_CODES } from '@credstream/issuance/domain';
import type {
  IssuableAchievement,
  IssuerSigningProfile,
  IssuingDirectory,
} from '../credentials/ports/issuing-directory.port';
import type { AchievementRepository } from '../achievements/achievement-repository';
import { ob3Achievement } from '../achievements/ob3-achievement';
import type { IssuerReadModel } from './issuer-read-model.port';
import type { IssuerRepository } from './issuer-repository';
import { ob3Profile } from './ob3-profile';

/**
 * Issuers and achievements for issuing, read from their streams (so a rotation or an archive counts at once);
 * another tenant's issuer or achievement is reported as unknown.
 */
export class EventSourcedIssuingDirectory implements IssuingDirectory {
  /** Issuer reads in flight: concurrent lookups of one issuer share a read (a later lookup reads again). */
  private readonly loading = new Map<string, ReturnType<IssuerRepository['load']>>();

  constructor(
    private readonly issuers: IssuerRepository,
    private readonly achievements: AchievementRepository,
    private readonly issuerList: IssuerReadModel,
  ) {}

  async issuer(tenantId: string, issuerId: string): Promise<IssuerSigningProfile | undefined> {
    const loaded = await orUndefined(() => this.loadIssuer(tenantId, issuerId), ISSUER_ERROR_CODES.notFound);
    if (!loaded) return undefined;
    const { state } = loaded;
    const active = state.activeKid === null ? undefined : state.keys[state.activeKid];
    const profile: IssuerSigningProfile = {
      issuerId,
      tenantId,
      did: state.did,
      profile: ob3Profile(state.did, state.profile),
    };
    if (active) profile.activeKey = { kid: active.kid, alg: active.alg, keyRef: active.keyRef, status: active.status };
    return profile;
  }

  private loadIssuer(tenantId: string, issuerId: string): ReturnType<IssuerRepository['load']> {
    const key = JSON.stringify([tenantId, issuerId]);
    let load = this.loading.get(key);
    if (!load) {
      load = this.issuers.load(tenantId, issuerId).finally(() => this.loading.delete(key));
      this.loading.set(key, load);
    }
    return load;
  }

  async defaultIssuer(tenantId: string): Promise<IssuerSigningProfile | undefined> {
    const [first] = await this.issuerList.listForTenant(tenantId);
    return first ? this.issuer(tenantId, first.issuerId) : undefined;
  }

  async achievement(tenantId: string, achievementId: string): Promise<IssuableAchievement | undefined> {
    const loaded = await orUndefined(
      () => this.achievements.load(tenantId, achievementId),
      ACHIEVEMENT_ERROR_CODES.notFound,
    );
    if (!loaded) return undefined;
    const { issuerId, revision, archived, definition } = loaded.state;
    const creator = await this.issuer(tenantId, issuerId);
    return {
      achievementId,
      tenantId,
      issuerId,
      revision,
      archived,
      achievement: ob3Achievement({ achievementId, revision, definition }, creator?.profile),
    };
  }
}

async function orUndefined<T>(load: () => Promise<T>, notFoundCode: string): Promise<T | undefined> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof DomainError && error.code === notFoundCode) return undefined;
    throw error;
  }
}
