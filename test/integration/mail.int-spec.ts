import { NestFactory } from '@nestjs/core';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { AppModule } from '../../api/src/app.module';
import { MailService } from '../../api/src/core/mail/mail.service';
import { testConfig } from '../support/test-config';

describe('mail over real SMTP', () => {
  it('delivers through the embedded catcher into the Dev mailbox when SMTP_URL is unset', async () => {
    const app = await NestFactory.createApplicationContext(AppModule.forConfig(testConfig()), {
      logger: false,
    });
    try {
      const mail = app.get(MailService);
      expect(mail.usesDevMailbox).toBe(true);
      await mail.send({
        to: 'bewoner@example.nl',
        subject: 'Even bijpraten',
        text: 'Hoe gaat het?',
        messageId: '<m1@waakvlam>',
      });
      expect(mail.mailbox.list()).toEqual([
        expect.objectContaining({
          to: ['bewoner@example.nl'],
          subject: 'Even bijpraten',
          text: 'Hoe gaat het?\n',
        }),
      ]);
    } finally {
      await app.close();
    }
  });

  it('sends through the configured SMTP server, pooled, with the given Message-ID', async () => {
    const received: Array<{ to: string[]; raw: string }> = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as AddressInfo).port;
    const app = await NestFactory.createApplicationContext(
      AppModule.forConfig(testConfig({ SMTP_URL: `smtp://127.0.0.1:${port}` })),
      { logger: false },
    );
    try {
      const mail = app.get(MailService);
      expect(mail.usesDevMailbox).toBe(false);
      await Promise.all(
        [1, 2, 3].map((n) =>
          mail.send({
            to: `c${n}@example.nl`,
            subject: `Bericht ${n}`,
            text: 'x',
            messageId: `<m${n}@waakvlam>`,
          }),
        ),
      );
      expect(received.map((r) => r.to[0]).sort()).toEqual([
        'c1@example.nl',
        'c2@example.nl',
        'c3@example.nl',
      ]);
      expect(received.find((r) => r.to[0] === 'c2@example.nl')?.raw).toContain('Message-ID: <m2@waakvlam>');
      expect(mail.mailbox.list()).toEqual([]);
    } finally {
      await app.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
