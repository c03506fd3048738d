import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** What the demo created and which steps are done; lives beside the local infrastructure's data. */
export interface DemoTenant {
  apiKey: string;
  issuerId?: string;
  /** Achievement key (demo catalogue) -> achievement id. */
  achievements: Record<string, string>;
}

export interface DemoState {
  tenants: Record<string, DemoTenant>;
  /** Engagement stages done so far (credential ids, dates, the learners' session cookies). */
  claimed?: { credentialId: string; claimedAt: string }[];
  sessions?: Record<string, string>;
  shared?: { credentialId: string; shareId: string; sharedAt: string }[];
  /** A public, shared credential whose page the summary links to. */
  sampleCredentialId?: string;
  done: string[];
}

export class DemoStateFile {
  readonly state: DemoState;

  constructor(private readonly path: string) {
    this.state = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as DemoState) : { tenants: {}, done: [] };
  }

  isDone(step: string): boolean {
    return this.state.done.includes(step);
  }

  markDone(step: string): void {
    if (!this.isDone(step)) this.state.done.push(step);
    this.save();
  }

  save(): void {
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileSync(this.path, `${JSON.stringify(this.state, null, 2)}\n`, { mode: 0o600 });
  }
}
