import { runSigningBench } from './signing.bench';

describe('signing benchmark', () => {
  it('runs every contender, verifies their tokens and reports rates against the ceiling', async () => {
    const { measurements, parameters } = await runSigningBench({ seconds: 0.05, rounds: 1, credentials: 10 });
    expect(measurements.map((m) => m.metric)).toEqual(
      expect.arrayContaining([
        'raw node:crypto ES256 sign (ceiling)',
        'credstream VC-JWT ES256 (node:crypto)',
        'credstream signing / raw ES256',
      ]),
    );
    for (const m of measurements) expect(m.value).toBeGreaterThan(0);
    expect(parameters['credentialBytes']).toBeGreaterThan(1_000);
  }, 30_000);
});
