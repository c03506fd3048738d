import type { AnalyticsRow } from '@credstream/analytics/domain';
import { erasedKeyHash, ErasureList } from './erasure-list';

const row = (recipient_key: string, recipient_id = '') => ({ recipient_key, recipient_id }) as AnalyticsRow;

describe('ErasureList', () => {
  it('blanks rows about an erased recipient, by key or by account id, and leaves others alone', () => {
    const list = new ErasureList();
    const hashes = list.add({ recipientId: 'acct-1', recipientKeys: ['k1', 'k2'] });
    expect(hashes).toHaveLength(3);
    expect(hashes).not.toContain('k1');
    expect(list.scrub(row('k2'))).toMatchObject({ recipient_key: '', recipient_id: '' });
    expect(list.scrub(row('', 'acct-1'))).toMatchObject({ recipient_id: '' });
    expect(list.scrub(row('k3', 'acct-2'))).toMatchObject({ recipient_key: 'k3', recipient_id: 'acct-2' });
  });

  it('remembers erasures loaded from storage', () => {
    const list = new ErasureList();
    list.load([erasedKeyHash('k9')]);
    expect(list.scrub(row('k9')).recipient_key).toBe('');
  });
});
