import { Controller, Get, INestApplication, Module } from '@nestjs/common';
import pino from 'pino';
import request from 'supertest';
import { businessNow } from '@credstream/observability';
import { createServiceApp } from '../bootstrap/create-service-app';
import { LoggingModule } from '../logging/logging.module';
import { OCCURRED_AT_HEADER } from './historical-timestamp.middleware';

@Controller('clock')
class ClockController {
  @Get()
  now(): { now: string } {
    return { now: businessNow().toISOString() };
  }
}

@Module({ imports: [LoggingModule.forRoot(pino({ level: 'silent' }))], controllers: [ClockController] })
class ClockModule {}

const service = { name: 'clock', version: '0', title: 'clock', description: 'clock' };

async function appWith(allowHistoricalTimestamps: boolean): Promise<INestApplication> {
  const app = await createServiceApp({ module: ClockModule }, service, { allowHistoricalTimestamps });
  await app.init();
  return app;
}

describe('historical timestamps (x-credstream-occurred-at)', () => {
  let allowing: INestApplication;
  let refusing: INestApplication;

  beforeAll(async () => {
    allowing = await appWith(true);
    refusing = await appWith(false);
  });

  afterAll(async () => {
    await Promise.all([allowing.close(), refusing.close()]);
  });

  it('dates the request’s work at the offered time when the service allows it', async () => {
    const response = await request(allowing.getHttpServer())
      .get('/clock')
      .set(OCCURRED_AT_HEADER, '2026-03-14T09:30:00.000Z')
      .expect(200);
    expect(response.body).toEqual({ now: '2026-03-14T09:30:00.000Z' });
  });

  it('uses the present without the header', async () => {
    const response = await request(allowing.getHttpServer()).get('/clock').expect(200);
    expect(Math.abs(Date.parse(response.body.now) - Date.now())).toBeLessThan(5_000);
  });

  it.each([
    ['not a date', 'yesterday'],
    ['a date without a zone', '2026-03-14T09:30:00'],
    ['the future', new Date(Date.now() + 3_600_000).toISOString()],
    ['before 2000', '1999-12-31T23:59:59Z'],
  ])('refuses %s with 400 OCCURRED_AT_INVALID naming the header', async (_case, value) => {
    const response = await request(allowing.getHttpServer()).get('/clock').set(OCCURRED_AT_HEADER, value).expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ code: 'OCCURRED_AT_INVALID', errors: [{ field: OCCURRED_AT_HEADER }] });
  });

  it('refuses the header with 400 OCCURRED_AT_NOT_ALLOWED when the service does not allow it', async () => {
    const response = await request(refusing.getHttpServer())
      .get('/clock')
      .set(OCCURRED_AT_HEADER, '2026-03-14T09:30:00.000Z')
      .expect(400);
    expect(response.body.code).toBe('OCCURRED_AT_NOT_ALLOWED');
  });
});
