import { linkIn } from './smtp-catcher';
import { issuedEvent, type TestCredential } from './test-credentials';
import { PUBLIC_URL, type RunningSharing } from './running-sharing';

/** Issues, claims and accepts a credential; returns the recipient's session. */
export async function claimAndAccept(sharing: RunningSharing, credential: TestCredential): Promise<string> {
  await sharing.events.publish(issuedEvent(credential));
  const mail = await sharing.smtp.waitForMail(credential.email, /received a credential/);
  const link = linkIn(mail, `${PUBLIC_URL}/claim?`);
  const claim = await sharing.request('POST', '/api/claims', {
    json: { credentialId: credential.credentialId, token: link.searchParams.get('token') },
  });
  if (claim.status !== 201 || !claim.cookie) throw new Error(`claim failed: ${claim.status} ${claim.text}`);
  const accepted = await sharing.request('POST', `/api/wallet/credentials/${credential.credentialId}/accept`, {
    session: claim.cookie,
  });
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${accepted.text}`);
  return claim.cookie;
}

export async function createShare(sharing: RunningSharing, session: string, credentialId: string, channel: string) {
  const created = await sharing.request('POST', `/api/wallet/credentials/${credentialId}/shares`, {
    session,
    json: { channel },
  });
  if (created.status !== 201) throw new Error(`share failed: ${created.status} ${created.text}`);
  return created.json() as { shareId: string; url: string; addToProfileUrl: string | null; embedHtml: string | null };
}
