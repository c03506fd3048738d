import { DomainError } from '@credstream/event-sourcing';
import { recipientKey as recipientKeyOf } from '@credstream/open-badges';
import type { AuthStore, SignedInRecipient } from '../ports/auth-store.port';
import type { Clock } from '../ports/clock.port';
import type { Mailer } from '../ports/mailer.port';
import type { RecipientDirectory } from '../ports/recipient-directory.port';
import { escapeHtml } from '../support/escape-html';
import { hashToken, newSecretToken } from '../support/secret-token';
import type { SharingUrls } from '../support/sharing-urls';

export interface SessionPolicy {
  magicLinkTtlMinutes: number;
  sessionTtlHours: number;
}

export const SignInErrors = {
  linkInvalid: () => new DomainError('SIGN_IN_LINK_INVALID', 'the sign-in link is unknown, used or expired'),
  sessionRequired: () => new DomainError('SESSION_REQUIRED', 'sign in first'),
};

/** Passwordless sign-in: a single-use, short-lived link mailed to the address; sessions stored by hash. */
export class SignInHandlers {
  constructor(
    private readonly auth: AuthStore,
    private readonly directory: RecipientDirectory,
    private readonly mailer: Mailer,
    private readonly urls: SharingUrls,
    private readonly clock: Clock,
    private readonly policy: SessionPolicy,
  ) {}

  /** Mails a sign-in link if the address has an account; says nothing either way (no account probing). */
  async requestMagicLink(email: string): Promise<void> {
    const recipientKey = recipientKeyOf(email);
    const recipientId = await this.directory.find(recipientKey);
    if (!recipientId) return;
    const { token, hash } = newSecretToken();
    const expiresAt = new Date(this.clock.now().getTime() + this.policy.magicLinkTtlMinutes * 60_000);
    await this.auth.saveMagicLink(hash, { recipientId, recipientKey }, expiresAt);
    const url = this.urls.signInPage(token);
    await this.mailer.send({
      to: email.trim(),
      subject: 'Your credstream sign-in link',
      text: `Sign in to your credential wallet (the link works once, for ${this.policy.magicLinkTtlMinutes} minutes):\n${url}\n`,
      html: `<p><a href="${escapeHtml(url)}">Sign in to your credential wallet</a> (the link works once, for ${this.policy.magicLinkTtlMinutes} minutes).</p>`,
    });
  }

  /** Trades a magic link for a session. */
  async signIn(token: string): Promise<{ sessionToken: string; recipient: SignedInRecipient }> {
    const recipient = await this.auth.consumeMagicLink(hashToken(token), this.clock.now());
    if (!recipient) throw SignInErrors.linkInvalid();
    return { sessionToken: await this.startSession(recipient), recipient };
  }

  async startSession(recipient: SignedInRecipient): Promise<string> {
    const { token, hash } = newSecretToken();
    const expiresAt = new Date(this.clock.now().getTime() + this.policy.sessionTtlHours * 3_600_000);
    await this.auth.saveSession(hash, recipient, expiresAt);
    return token;
  }

  async resolveSession(sessionToken: string | undefined): Promise<SignedInRecipient | null> {
    if (!sessionToken) return null;
    return this.auth.findSession(hashToken(sessionToken), this.clock.now());
  }

  async signOut(sessionToken: string): Promise<void> {
    await this.auth.deleteSession(hashToken(sessionToken));
  }
}
