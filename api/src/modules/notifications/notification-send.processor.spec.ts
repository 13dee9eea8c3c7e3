import type { DataSource } from 'typeorm';
import { AppConfig } from '../../core/config/app.config';
import type { MailService } from '../../core/mail/mail.service';
import { SendWindowPassedError } from '../../core/mail/send-window-passed.error';
import { NotificationSendProcessor } from './notification-send.processor';
import type { NotificationsService } from './notifications.service';
import { DEFAULT_NOTIFICATION_RETRY_POLICY } from './notification-retry.policy';

const CLAIMED = {
  recipient: 'caseworker@example.org',
  sender_name: null,
  link_secret: null,
  subject: 'Contactmoment te laat',
  body_text: 'Tekst',
  body_html: null,
  message_id: '<n-1@waakvlam>',
  attempts: 1,
};

/** An outbox in memory: the claim answers once, the `sent` mark fails while `down` says PostgreSQL is down. */
function setUp(down: () => boolean) {
  const statements: string[] = [];
  let claimed = false;
  const query = jest.fn(async (sql: string) => {
    statements.push(sql.trim().split(/\s+/).slice(0, 6).join(' '));
    if (sql.includes("status = 'sending'") && sql.includes('RETURNING')) {
      if (claimed) return [[], 0];
      claimed = true;
      return [[CLAIMED], 1];
    }
    if (sql.includes("status = 'sent'") && down())
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    return [[], 1];
  });
  const dataSource = { manager: { query }, query } as unknown as DataSource;
  const send = jest.fn(async (_mail: unknown, _options?: { notAfter?: number }) => ({
    messageId: CLAIMED.message_id,
    accepted: [CLAIMED.recipient],
  }));
  const config = AppConfig.fromEnv({ NODE_ENV: 'test', TIMER_LEASE_SECONDS: '10' });
  const processor = new NotificationSendProcessor(
    dataSource,
    { send } as unknown as MailService,
    { retryPolicy: DEFAULT_NOTIFICATION_RETRY_POLICY } as NotificationsService,
    config,
  );
  const marks = () => statements.filter((s) => s.includes("status = 'sent'")).length;
  return { processor, send, marks, statements };
}

describe('NotificationSendProcessor', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-03T09:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('records a message the SMTP server accepted once PostgreSQL is back, and never sends it twice', async () => {
    let down = true;
    const { processor, send, marks } = setUp(() => down);
    const running = processor.process({ notificationId: 'n-1' }, { jobId: 'n-1-1', attempt: 1 });
    await jest.advanceTimersByTimeAsync(3_000);
    expect(marks()).toBeGreaterThan(2);
    down = false;
    await jest.advanceTimersByTimeAsync(2_000);
    await expect(running).resolves.toBeUndefined();
    // The same job again (BullMQ retried it, or a second job for the message): sent already, nothing to do.
    await processor.process({ notificationId: 'n-1' }, { jobId: 'n-1-1', attempt: 2 });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('gives up when the claim is about to run out, so the failure shows', async () => {
    const { processor, send } = setUp(() => true);
    const running = processor.process({ notificationId: 'n-1' }, { jobId: 'n-1-1', attempt: 1 });
    const outcome = expect(running).rejects.toThrow('ECONNREFUSED');
    await jest.advanceTimersByTimeAsync(11_000);
    await outcome;
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('sends only within the claim: the lease, less a margin for the SMTP exchange', async () => {
    const { processor, send } = setUp(() => false);
    await processor.process({ notificationId: 'n-1' }, { jobId: 'n-1-1', attempt: 1 });
    expect(send.mock.calls[0][1]).toEqual({ notAfter: Date.now() + 10_000 - 1_000 });
  });

  it('leaves a message alone when its claim ran out before a connection was free (a frozen process)', async () => {
    const { processor, send, statements } = setUp(() => false);
    send.mockRejectedValueOnce(new SendWindowPassedError());
    await expect(
      processor.process({ notificationId: 'n-1' }, { jobId: 'n-1-1', attempt: 1 }),
    ).resolves.toBeUndefined();
    // Neither marked sent nor recorded as a failed attempt: the claim is no longer this job's.
    expect(statements.filter((s) => !s.includes("status = 'sending'"))).toEqual([]);
  });
});
