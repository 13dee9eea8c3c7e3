import { AppConfig } from '../config/app.config';
import { DevMailbox } from './dev-mailbox.store';
import { MailService } from './mail.service';
import { SendWindowPassedError } from './send-window-passed.error';

/** Each sendMail stays on the wire until the test answers it. */
const replies: Array<() => void> = [];
const sendMail = jest.fn(
  () => new Promise((resolve) => replies.push(() => resolve({ messageId: '<m@waakvlam>', accepted: ['a'] }))),
);
jest.mock('nodemailer', () => ({ createTransport: () => ({ sendMail, close: () => undefined }) }));

const mail = { to: 'begeleider@voorbeeld.nl', subject: 'Contactmoment', text: 'Tekst' };

describe('MailService', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-03T09:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('puts at most 5 messages on the wire, and sends none whose window passed while it waited', async () => {
    const service = new MailService(
      AppConfig.fromEnv({ NODE_ENV: 'test', SMTP_URL: 'smtp://127.0.0.1:2525' }),
      new DevMailbox(10),
    );
    const first = Array.from({ length: 5 }, () => service.send(mail));
    const late = service.send(mail, { notAfter: Date.now() + 1_000 });
    const onTime = service.send(mail, { notAfter: Date.now() + 60_000 });
    const lateOutcome = expect(late).rejects.toBeInstanceOf(SendWindowPassedError);
    await jest.advanceTimersByTimeAsync(0);
    expect(sendMail).toHaveBeenCalledTimes(5);

    // A process frozen for 2 s: the waiting message's window has passed when a connection is free.
    await jest.advanceTimersByTimeAsync(2_000);
    replies.shift()?.();
    await lateOutcome;
    replies.shift()?.();
    await jest.advanceTimersByTimeAsync(0);
    expect(sendMail).toHaveBeenCalledTimes(6);
    for (const reply of replies.splice(0)) reply();
    await Promise.all([...first, onTime]);
  });
});
