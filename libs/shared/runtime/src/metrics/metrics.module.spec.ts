import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Counter, Registry } from 'prom-client';
import request from 'supertest';
import { MetricsModule } from './metrics.module';

describe('MetricsModule', () => {
  let app: INestApplication;
  const registry = new Registry();

  beforeAll(async () => {
    new Counter({ name: 'credstream_test_total', help: 'a test counter', registers: [registry] }).inc(2);
    @Module({ imports: [MetricsModule.forRoot({ registry })] })
    class AppModule {}
    app = await NestFactory.create(AppModule, { logger: false });
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  it('serves the registry in the Prometheus text format at GET /metrics', async () => {
    const response = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain;.*version=0.0.4/);
    expect(response.text).toContain('# TYPE credstream_test_total counter');
    expect(response.text).toContain('credstream_test_total 2');
    expect(response.text).toContain('process_cpu_seconds_total');
  });

  it('registers the process metrics only once per registry', () => {
    expect(() => MetricsModule.forRoot({ registry })).not.toThrow();
  });
});
