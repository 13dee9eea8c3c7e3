import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TIMER_JOB, type TimerKind } from '../queue/queue.constants';
import { NOTIFICATION_STATES, SCRAPE_SOURCE_TIMEOUT_MS } from './metric-names.constants';

/** Timers and the outbox as PostgreSQL holds them, over all organisations (no tenant in any label). */
export interface DatabaseSnapshot {
  timers: Array<{ kind: TimerKind; pending: number; overdue: number }>;
  notifications: Array<{ state: string; count: number }>;
}

/**
 * Two aggregate queries, each on its own connection and with a statement timeout, so a slow database makes
 * the scrape report the source down instead of hanging. Pending timers come from the planner's partial
 * index (`timers_pending_idx`); notifications by status from `notifications_console_idx`.
 */
@Injectable()
export class DatabaseMetricsReader {
  constructor(private readonly dataSource: DataSource) {}

  async read(): Promise<DatabaseSnapshot> {
    const [timerRows, notificationRows] = await Promise.all([
      this.aggregate<{ kind: string; pending: number; overdue: number }>(
        `SELECT kind, count(*)::int AS pending, (count(*) FILTER (WHERE fire_at < now()))::int AS overdue
         FROM timers WHERE state = 'pending' GROUP BY kind`,
      ),
      this.aggregate<{ status: string; count: number }>(
        `SELECT status, count(*)::int AS count FROM notifications GROUP BY status`,
      ),
    ]);
    const timers = (Object.keys(TIMER_JOB) as TimerKind[]).map((kind) => {
      const row = timerRows.find((r) => r.kind === kind);
      return { kind, pending: row?.pending ?? 0, overdue: row?.overdue ?? 0 };
    });
    const notifications = NOTIFICATION_STATES.map((state) => ({
      state,
      count: notificationRows.find((r) => r.status === state)?.count ?? 0,
    }));
    return { timers, notifications };
  }

  private aggregate<T>(sql: string): Promise<T[]> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL statement_timeout = ${SCRAPE_SOURCE_TIMEOUT_MS}`);
      return (await manager.query(sql)) as T[];
    });
  }
}
