/**
 * The local SMTP server of the reactivation bench (smtp-server, as test/support/smtp-sink.ts), in a process of its
 * own so that the planner's flood of e-mails does not slow the load generators. For each message it records the
 * moment it accepted it (the end of DATA, before the 250 reply). A reactivation e-mail is recognised by its link
 * (`/heractiveringen/<request id>`); its Message-ID is `<notification id@waakvlam>`, and right after acceptance
 * (while the job is still active, so BullMQ still holds it) the sink reads the `urgent-<notification id>` job of
 * the urgent queue for its pickup time (`processedOn`). Every other message (the planner's reminders) is counted.
 */
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { QueueName } from '../../api/src/core/queue/queue.constants';
import { reply, replyError, wallClock } from './bench-child';

export interface SinkSetup {
  redisUrl: string;
  /** BullMQ prefix of the application (`{REDIS_PREFIX}`). */
  queuePrefix: string;
}

/** The urgent queue's job of a reactivation e-mail, as BullMQ kept it. */
export interface UrgentJob {
  id: string;
  name: string;
  /** When the API added it (epoch ms). */
  timestamp: number;
  /** When a worker took it (epoch ms): the pickup. */
  processedOn: number | null;
  attemptsMade: number;
}

export interface SinkMail {
  requestId: string;
  notificationId: string;
  to: string[];
  /** Epoch ms (sub-ms), when the client started the message (MAIL FROM) on its pooled connection. */
  mailFromAt: number;
  /** Epoch ms (sub-ms), when the sink accepted the message. */
  acceptedAt: number;
  /** Null when the urgent queue had no such job (the e-mail came by another path). */
  job: UrgentJob | null;
}

export type SinkCommand = { cmd: 'counts' } | { cmd: 'collect' };

export interface SinkCounts {
  reactivation: number;
  /** Every other message accepted: the planner's reminders. */
  other: number;
  /** Messages that link to a request but have no `<id@waakvlam>` Message-ID. */
  unmatched: number;
  pendingLookups: number;
}

export type SinkReply =
  | { type: 'ready'; url: string }
  | ({ type: 'counts' } & SinkCounts)
  | ({ type: 'collected'; mails: SinkMail[] } & SinkCounts)
  | { type: 'error'; message: string };

const REQUEST_LINK = /\/heractiveringen\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;
const MESSAGE_ID = /^Message-ID:\s*<([^@>\s]+)@waakvlam>/im;

const setup = JSON.parse(process.argv[2] ?? '{}') as SinkSetup;
const mails: SinkMail[] = [];
/** When the message in progress on each connection (session id) started: its MAIL FROM. */
const mailFrom = new Map<string, number>();
const counts = { other: 0, unmatched: 0, pendingLookups: 0 };

const connection = new Redis(setup.redisUrl, {
  maxRetriesPerRequest: null,
  connectionName: 'waakvlam-bench-sink',
});
const urgent = new Queue(QueueName.Urgent, { connection, prefix: setup.queuePrefix });

async function lookUp(mail: SinkMail): Promise<void> {
  counts.pendingLookups++;
  try {
    const job = await urgent.getJob(`urgent-${mail.notificationId}`);
    mail.job = job
      ? {
          id: String(job.id),
          name: job.name,
          timestamp: job.timestamp,
          processedOn: job.processedOn ?? null,
          attemptsMade: job.attemptsMade,
        }
      : null;
  } finally {
    counts.pendingLookups--;
  }
}

function received(raw: string, to: string[], mailFromAt: number, acceptedAt: number): void {
  // Quoted-printable soft line breaks may cut the link.
  const link = REQUEST_LINK.exec(raw.replace(/=\r?\n/g, ''));
  if (!link) {
    counts.other++;
    return;
  }
  const messageId = MESSAGE_ID.exec(raw);
  if (!messageId) {
    counts.unmatched++;
    return;
  }
  const mail: SinkMail = {
    requestId: link[1].toLowerCase(),
    notificationId: messageId[1],
    to,
    mailFromAt,
    acceptedAt,
    job: null,
  };
  mails.push(mail);
  lookUp(mail).catch((error: unknown) => replyError(error));
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  // The product's pool has 5 connections per process; leave room for more worker processes.
  maxClients: 200,
  size: 1024 * 1024,
  onMailFrom(_address, session, callback) {
    mailFrom.set(session.id, wallClock());
    callback();
  },
  onClose(session) {
    mailFrom.delete(session.id);
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const acceptedAt = wallClock();
      // The envelope is reset for the next message once the callback has run.
      const to = session.envelope.rcptTo.map((r) => r.address);
      const startedAt = mailFrom.get(session.id) ?? acceptedAt;
      callback();
      received(Buffer.concat(chunks).toString('utf8'), to, startedAt, acceptedAt);
    });
  },
});
// A client that goes away mid-session (a worker shut down) is not an error of the bench.
server.on('error', () => undefined);

const current = (): SinkCounts => ({ reactivation: mails.length, ...counts });

process.on('message', (command: SinkCommand) => {
  if (command.cmd === 'counts') reply({ type: 'counts', ...current() } satisfies SinkReply);
  else if (command.cmd === 'collect') reply({ type: 'collected', mails, ...current() } satisfies SinkReply);
});
const close = () => {
  server.close(() => undefined);
  void urgent.close().finally(() => {
    connection.disconnect();
    process.exit(0);
  });
};
process.on('SIGTERM', close);
process.on('disconnect', close);

server.listen(0, '127.0.0.1', () => {
  const port = (server.server.address() as AddressInfo).port;
  reply({ type: 'ready', url: `smtp://127.0.0.1:${port}` } satisfies SinkReply);
});
