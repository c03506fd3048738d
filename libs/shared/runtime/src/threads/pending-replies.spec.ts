import { PendingReplies } from './worker-script';

describe('PendingReplies', () => {
  it('settles each request by its own id, whatever order the replies come in', async () => {
    const replies = new PendingReplies<string>();
    const first = replies.open();
    const second = replies.open();
    expect(first.id).not.toBe(second.id);

    replies.resolve(second.id, 'second');
    replies.reject(first.id, new Error('first failed'));

    await expect(second.reply).resolves.toBe('second');
    await expect(first.reply).rejects.toThrow('first failed');
  });

  it('rejects every open request when the worker is lost, and ignores replies that come after', async () => {
    const replies = new PendingReplies<number>();
    const open = [replies.open(), replies.open()];
    replies.rejectAll(new Error('worker exited'));
    replies.resolve(open[0].id, 1);

    for (const { reply } of open) await expect(reply).rejects.toThrow('worker exited');
  });
});
