import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { AppConfig } from '../config/app.config';
import { DevMailbox } from './dev-mailbox.store';
import { DevSmtpCatcher } from './dev-smtp-catcher.server';
import { SendWindowPassedError } from './send-window-passed.error';

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

/** SMTP connections of the pool: messages on the wire at once per process. */
const MAX_CONNECTIONS = 5;

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

  /**
   * Sends one message. With `notAfter` (epoch ms) nothing is sent once that moment has passed by the time a
   * connection is free: SendWindowPassedError. Messages wait for a connection here, not in the transport's queue,
   * so that the check is made right before the message goes on the wire.
   */
  async send(
    mail: OutgoingMail,
    options: { notAfter?: number } = {},
  ): Promise<{ messageId: string; accepted: string[] }> {
    const transport = await this.getTransport();
    await this.acquireConnection();
    try {
      if (options.notAfter !== undefined && Date.now() > options.notAfter) throw new SendWindowPassedError();
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
    } finally {
      this.releaseConnection();
    }
  }

  private sending = 0;
  private readonly waiting: Array<() => void> = [];

  private async acquireConnection(): Promise<void> {
    if (this.sending < MAX_CONNECTIONS) {
      this.sending++;
      return;
    }
    // The releasing send hands its slot over.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private releaseConnection(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.sending--;
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
      maxConnections: MAX_CONNECTIONS,
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
