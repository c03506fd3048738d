import type { CredentialDisplay } from '@credstream/sharing/domain';
import type { OutgoingMail } from '../ports/mailer.port';
import { escapeHtml } from '../support/escape-html';

export function claimMail(to: string, display: CredentialDisplay, claimUrl: string, validDays: number): OutgoingMail {
  const what = `${display.achievement.name} from ${display.issuer.name}`;
  return {
    to,
    subject: `You received a credential: ${display.achievement.name}`,
    text:
      `${display.issuer.name} issued you the credential "${display.achievement.name}".\n\n` +
      `Claim it into your wallet (the link works once, for ${validDays} days):\n${claimUrl}\n\n` +
      `If you did not expect this, ignore this email.`,
    html:
      `<p>${escapeHtml(display.issuer.name)} issued you the credential <strong>${escapeHtml(display.achievement.name)}</strong>.</p>` +
      `<p><a href="${escapeHtml(claimUrl)}">Claim ${escapeHtml(what)}</a> (the link works once, for ${validDays} days).</p>` +
      `<p>If you did not expect this, ignore this email.</p>`,
  };
}
