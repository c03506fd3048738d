import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { waitFor } from '@credstream/testing';

/** A real SMTP server in the test process: the services mail to it as to any relay, the test reads what arrived. */
export class SmtpInbox {
  readonly messages: ParsedMail[] = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, _session, callback) => {
      simpleParser(stream).then(
        (mail) => {
          this.messages.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });

  /** Listens on a free loopback port; returns the `smtp://` URL to give the services. */
  async start(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Every message to `to` so far. */
  mailTo(to: string): ParsedMail[] {
    return this.messages.filter((mail) => recipientsOf(mail).includes(to.toLowerCase()));
  }

  /** Waits for the first message to `to` whose text holds a link starting with `prefix`, and returns that link. */
  async waitForLink(to: string, prefix: string, timeoutMs = 60_000): Promise<URL> {
    const link = await waitFor(
      async () =>
        this.mailTo(to)
          .map((mail) => linkIn(mail, prefix))
          .find((found) => found !== undefined),
      (found) => found !== undefined,
      { what: `a mail to ${to} with a link to ${prefix}`, timeoutMs, intervalMs: 250 },
    );
    return link as URL;
  }
}

function recipientsOf(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((address) => address.value.map((entry) => (entry.address ?? '').toLowerCase()));
}

function linkIn(mail: ParsedMail, prefix: string): URL | undefined {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}[^\\s"'<>]+`).exec(mail.text ?? '');
  return match ? new URL(match[0]) : undefined;
}
