import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { waitFor } from '@credstream/testing';

/** A real SMTP server in the test process that keeps every message it receives, parsed. */
export class SmtpCatcher {
  readonly messages: ParsedMail[] = [];
  private server: SMTPServer | undefined;
  private port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.messages.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  /** The first message to `to` whose subject matches (waits for it). */
  async waitForMail(to: string, subject: RegExp, timeoutMs = 30_000): Promise<ParsedMail> {
    const find = () =>
      this.messages.find((mail) => addressesOf(mail).includes(to.toLowerCase()) && subject.test(mail.subject ?? ''));
    const mail = await waitFor(
      async () => find(),
      (found) => found !== undefined,
      {
        timeoutMs,
        what: `a mail to ${to}`,
      },
    );
    return mail as ParsedMail;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function addressesOf(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((address) => address.value.map((entry) => (entry.address ?? '').toLowerCase()));
}

/** The first link in a mail's text that starts with `prefix`. */
export function linkIn(mail: ParsedMail, prefix: string): URL {
  const match = new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\S+`).exec(mail.text ?? '');
  if (!match) throw new Error(`no link starting with ${prefix} in: ${mail.text}`);
  return new URL(match[0]);
}
