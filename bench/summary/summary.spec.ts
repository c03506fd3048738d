import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readResults, renderSummary } from './summary';

describe('benchmark summary', () => {
  const directory = mkdtempSync(join(tmpdir(), 'bench-summary-'));
  writeFileSync(
    join(directory, 'relay.json'),
    JSON.stringify({
      area: 'relay',
      measuredAt: '2026-11-27T01:00:00.000Z',
      measurements: [
        {
          metric: 'relay rate',
          value: 1234.5,
          unit: 'events/s',
          target: { op: '>=', value: 20000 },
          meetsTarget: false,
        },
        {
          metric: 'signing',
          value: 21000,
          unit: 'credentials/s',
          ceiling: { metric: 'raw ES256', value: 30000 },
          target: { op: '>=', value: 21000 },
          meetsTarget: true,
        },
      ],
    }),
  );
  writeFileSync(join(directory, 'unrelated.json'), JSON.stringify({ some: 'thing' }));

  it('puts every figure next to its target and says which miss', () => {
    const summary = renderSummary(
      readResults(directory),
      [{ script: 'bench:relay', exitCode: 0, seconds: 12 }],
      new Date(0),
    );
    expect(summary).toContain('| relay rate | 1,235 events/s | >= 20,000 events/s |  | **misses** |');
    expect(summary).toContain(
      '| signing | 21,000 credentials/s | >= 21,000 credentials/s | 70 % of raw ES256 | meets |',
    );
    expect(summary).toContain('| bench:relay | 0 | 12 |');
  });

  it('ignores JSON files that are not benchmark results', () => {
    expect(readResults(directory).map((result) => result.area)).toEqual(['relay']);
  });
});
