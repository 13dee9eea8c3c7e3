import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message the sink accepted (or received in full before an injected cut). */
export interface SinkDelivery {
  /** The notification id from `Message-ID: <id@waakvlam>` ('' for a message without one). */
  notificationId: string;
  to: string[];
  at: number;
  /** True when the sink dropped the connection after DATA instead of replying 250. */
  cut: boolean;
}

const MESSAGE_ID = /^Message-ID:\s*<([^@>\s]+)@waakvlam>/im;

/**
 * The suite's SMTP server (smtp-server on a free loopback port, as test/support/smtp-sink.ts), with faults:
 *
 * - `refuseFor(ms)`: every MAIL FROM gets a temporary 451 for a while (a relay down for maintenance).
 * - `cutNext(n)`: the next `n` messages seen for the first time are received in full and then the connection is
 *   dropped without a reply: the client cannot know whether they were delivered. They count as delivered here
 *   (the server had them), and each cut is logged with its Message-ID: at most one extra delivery per cut is allowed.
 * - `replyDelay(ms)`: every reply to DATA waits (a slow relay), so that jobs stay active.
 */
export class FaultSmtpSink {
  readonly deliveries: SinkDelivery[] = [];
  readonly cutLog: Array<{ notificationId: string; at: number }> = [];
  url = '';
  refused = 0;
  /** Messages received in full whose 250 reply is still being delayed (`replyDelay`). */
  awaitingReply = 0;
  private refuseUntil = 0;
  private cutsLeft = 0;
  private delayMs = 0;
  private readonly seen = new Set<string>();
  /** Messages accepted on each open connection, by session id; and those of closed connections, with when. */
  private readonly open = new Map<string, string[]>();
  private closed: Array<{ at: number; ids: string[] }> = [];
  private readonly server: SMTPServer;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // 5 pooled connections per worker process, and restarts leave some half-closed for a while.
      maxClients: 500,
      size: 1024 * 1024,
      onClose: (session) => {
        const ids = this.open.get(session.id);
        this.open.delete(session.id);
        if (ids) this.closed.push({ at: Date.now(), ids });
      },
      onMailFrom: (_address, _session, callback) => {
        if (Date.now() >= this.refuseUntil) return callback();
        this.refused++;
        const error = new Error('Try again later') as Error & { responseCode: number };
        error.responseCode = 451;
        callback(error);
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const notificationId = MESSAGE_ID.exec(raw)?.[1] ?? '';
          const to = session.envelope.rcptTo.map((r) => r.address);
          const first = !this.seen.has(notificationId);
          this.seen.add(notificationId);
          const cut = first && notificationId !== '' && this.cutsLeft > 0;
          this.deliveries.push({ notificationId, to, at: Date.now(), cut });
          if (cut) {
            this.cutsLeft--;
            this.cutLog.push({ notificationId, at: Date.now() });
            this.socketOf(session.id)?.destroy();
            return;
          }
          if (notificationId !== '') {
            const ids = this.open.get(session.id);
            if (ids) ids.push(notificationId);
            else this.open.set(session.id, [notificationId]);
          }
          if (this.delayMs > 0) {
            this.awaitingReply++;
            setTimeout(() => {
              this.awaitingReply--;
              callback();
            }, this.delayMs);
          } else callback();
        });
      },
    });
    // A client that goes away mid-session (a killed worker, a cut) is part of the suite, not an error.
    this.server.on('error', () => undefined);
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  refuseFor(ms: number): void {
    this.refuseUntil = Date.now() + ms;
  }

  cutNext(n: number): void {
    this.cutsLeft = n;
  }

  replyDelay(ms: number): void {
    this.delayMs = ms;
  }

  /** Deliveries per notification id. */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const d of this.deliveries) counts.set(d.notificationId, (counts.get(d.notificationId) ?? 0) + 1);
    return counts;
  }

  /**
   * The notification ids accepted (not cut: each cut has its own allowance) on every connection still open, or on
   * the connections that closed at or after `closedSince` (epoch ms). A closed connection is taken once: a second
   * call does not return its messages again, so that a message is in one kill's gap, not in every kill's lookback.
   */
  acceptedIds(connections: 'open' | { closedSince: number }): string[] {
    if (connections === 'open') return [...new Set([...this.open.values()].flat())];
    const taken = this.closed.filter((c) => c.at >= connections.closedSince);
    this.closed = this.closed.filter((c) => c.at < connections.closedSince);
    return [...new Set(taken.flatMap((c) => c.ids))];
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** smtp-server keeps its connections (with their sockets) by the session's id. */
  private socketOf(sessionId: string): Socket | undefined {
    const connections = (this.server as unknown as { connections: Set<{ id: string; _socket: Socket }> })
      .connections;
    for (const c of connections) if (c.id === sessionId) return c._socket;
    return undefined;
  }
}
