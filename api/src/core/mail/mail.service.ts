import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { AppConfig } from '../config/app.config';
import { DevMailbox } from './dev-mailbox.store';
import { DevSmtpCatcher } from './dev-smtp-catcher.server';

export interface OutgoingMail {
  to: string;
  /** The sender's display name; the name in MAIL_FROM when unset. The address is always MAIL_FROM's. */
  fromName?: string | null;
  subject: string;
  text: string;
  html?: string;
  /** Deterministic Message-ID, so a resend of the same message is recognisable. */
  messageId?: string;
  headers?: Record<string, string>;
}

type Transport = ReturnType<typeof createTransport>;

/** Sends e-mail over a pooled SMTP transport: SMTP_URL, or the embedded catcher outside production. */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private transport?: Transport;
  private catcher?: DevSmtpCatcher;
  private starting?: Promise<Transport>;

  constructor(
    private readonly config: AppConfig,
    readonly mailbox: DevMailbox,
  ) {}

  /** True when mail is caught by the embedded server and shown in the console's Dev mailbox. */
  get usesDevMailbox(): boolean {
    return !this.config.smtpUrl && !this.config.isProduction;
  }

  async send(mail: OutgoingMail): Promise<{ messageId: string; accepted: string[] }> {
    const transport = await this.getTransport();
    const info = await transport.sendMail({
      from: mail.fromName ? { name: mail.fromName, address: this.fromAddress } : this.config.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: mail.headers,
    });
    return { messageId: info.messageId, accepted: info.accepted.map(String) };
  }

  /** The address part of MAIL_FROM (`Name <address>` or a bare address). */
  private get fromAddress(): string {
    const from = this.config.mailFrom;
    return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
  }

  private getTransport(): Promise<Transport> {
    this.starting ??= this.createTransport();
    return this.starting;
  }

  private async createTransport(): Promise<Transport> {
    let url = this.config.smtpUrl;
    if (!url) {
      if (this.config.isProduction) throw new Error('SMTP_URL is required in production');
      this.catcher = new DevSmtpCatcher(this.mailbox);
      await this.catcher.start();
      url = this.catcher.url;
      this.logger.log(
        `No SMTP_URL: mail goes to the embedded catcher at ${url} (see the console's Dev mailbox)`,
      );
    }
    this.transport = createTransport({
      url,
      pool: true,
      maxConnections: 5,
      // The embedded catcher speaks plain SMTP on loopback.
      ignoreTLS: Boolean(this.catcher),
    });
    return this.transport;
  }

  async onApplicationShutdown(): Promise<void> {
    this.transport?.close();
    await this.catcher?.stop();
  }
}
