import { parseConfig } from '@credstream/config';
import { bootService, createPrivateInfra, type BootedService, type PrivateInfra } from '@credstream/testing';
import { SharingAppModule } from '../app/sharing-app.module';
import { sharingConfigSchema } from '../config/sharing.config';
import { SHARING_SERVICE } from '../service-description';
import { KafkaEvents } from './kafka-events';
import { SmtpCatcher } from './smtp-catcher';
import { TOPICS } from '@credstream/contracts';

export const PUBLIC_URL = 'http://share.test';

// Responses are asserted with matchers; a precise type per route would add nothing.
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The sharing service on private Kafka and FerretDB, mailing to an in-process SMTP server. */
export class RunningSharing {
  readonly smtp = new SmtpCatcher();
  kafka!: PrivateInfra;
  mongo!: PrivateInfra;
  events!: KafkaEvents;
  service!: BootedService;

  async start(extraEnv: Record<string, string> = {}): Promise<void> {
    [this.kafka, this.mongo] = await Promise.all([createPrivateInfra('kafka'), createPrivateInfra('mongo')]);
    await Promise.all([this.kafka.start(), this.mongo.start(), this.smtp.start()]);
    this.events = new KafkaEvents(this.kafka.serviceEnv['KAFKA_BROKERS']);
    await this.events.start([TOPICS.issuanceCredential, TOPICS.sharingRecipient, TOPICS.sharingShare]);
    const env = {
      ...this.kafka.serviceEnv,
      ...this.mongo.serviceEnv,
      SMTP_URL: this.smtp.url,
      SHARING_PUBLIC_URL: PUBLIC_URL,
      PUBLIC_PAGE_CACHE_MS: '0',
      VIEW_FLUSH_INTERVAL_MS: '50',
      ...extraEnv,
    };
    this.service = await bootService(
      SHARING_SERVICE,
      (logger) => SharingAppModule.register(parseConfig(sharingConfigSchema, env), logger),
      { consumers: { groupId: 'sharing', retry: { maxAttempts: 3, initialDelayMs: 100, maxDelayMs: 500 } } },
    );
  }

  async stop(): Promise<void> {
    await this.service?.close();
    await this.events?.stop();
    await this.smtp.stop();
    await Promise.all([this.kafka?.dispose(), this.mongo?.dispose()]);
  }

  /** A request to the service; `path` may be a public URL the service handed out. */
  async request(
    method: string,
    path: string,
    options: { session?: string; json?: unknown; body?: Buffer | string; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; headers: Headers; text: string; json: () => Json; cookie: string | undefined }> {
    const url = new URL(path.startsWith(PUBLIC_URL) ? path.slice(PUBLIC_URL.length) : path, this.service.url);
    const headers: Record<string, string> = { ...options.headers };
    if (options.session) headers['cookie'] = `cs_session=${options.session}`;
    let body: string | Buffer | undefined = options.body;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const response = await fetch(url, { method, headers, body, redirect: 'manual' });
    const text = await response.text();
    const cookie = /cs_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
    return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as Json, cookie };
  }
}
