import { createTransport, type Transporter } from 'nodemailer';
import type { Mailer, OutgoingMail } from '@credstream/sharing/application';

export interface SmtpMailerOptions {
  /** smtp://host:port (plain, local catcher) or smtps://user:pass@host:465 */
  url: string;
  from: string;
}

/** Sends mail over SMTP with nodemailer (locally to MailDev from tools/infra, or a test's smtp-server). */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(private readonly options: SmtpMailerOptions) {
    const url = new URL(options.url);
    const secure = url.protocol === 'smtps:';
    this.transport = createTransport({
      // A bulk issuance mails thousands of recipients: reuse a few connections instead of one handshake per mail.
      pool: true,
      maxConnections: 5,
      maxMessages: 500,
      host: url.hostname,
      port: Number(url.port || (secure ? 465 : 25)),
      secure,
      ignoreTLS: !secure && (url.hostname === '127.0.0.1' || url.hostname === 'localhost'),
      auth: url.username
        ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
        : undefined,
      connectionTimeout: 10_000,
      socketTimeout: 20_000,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({ from: this.options.from, ...mail });
  }

  close(): void {
    this.transport.close();
  }
}
