import { Injectable } from '@nestjs/common';
import type { WatchEvent, WatchEventType } from '@waakvlam/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { toWatchEvent, type WatchEventRow } from './watch-row.util';

export interface NewWatchEvent {
  organisationId: string;
  watchId: string;
  type: WatchEventType;
  actorId: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** The client's timeline: every transition and change of a watch, who made it and why. */
@Injectable()
export class WatchEventsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes events inside the caller's transaction, in one statement. */
  async record(tx: EntityManager, events: readonly NewWatchEvent[]): Promise<void> {
    if (events.length === 0) return;
    await tx.query(
      `INSERT INTO watch_events (organisation_id, watch_id, type, actor_id, reason, details)
       SELECT e.organisation_id, e.watch_id, e.type, e.actor_id, e.reason, e.details
       FROM jsonb_to_recordset($1::jsonb)
         AS e(organisation_id uuid, watch_id uuid, type text, actor_id uuid, reason text, details jsonb)`,
      [
        JSON.stringify(
          events.map((e) => ({
            organisation_id: e.organisationId,
            watch_id: e.watchId,
            type: e.type,
            actor_id: e.actorId,
            reason: e.reason ?? null,
            details: e.details ?? {},
          })),
        ),
      ],
    );
  }

  /** Newest first. The caller has checked that the reader may see the watch. */
  async list(organisationId: string, watchId: string): Promise<WatchEvent[]> {
    const rows: WatchEventRow[] = await this.dataSource.query(
      `SELECT e.id, e.watch_id, e.type, e.at, e.actor_id, u.display_name AS actor_name, e.reason, e.details
       FROM watch_events e LEFT JOIN users u ON u.id = e.actor_id
       WHERE e.organisation_id = $1 AND e.watch_id = $2
       ORDER BY e.at DESC, e.seq DESC
       LIMIT 1000`,
      [organisationId, watchId],
    );
    return rows.map(toWatchEvent);
  }
}
