import type { CheckIn, CheckInOutcome, CheckInStatus, ContactMode } from '@waakvlam/contracts';

export interface CheckInRow {
  id: string;
  watch_id: string;
  client_id: string;
  client_name: string;
  client_reference: string;
  caseworker_id: string;
  caseworker_name: string;
  handed_over_from: string | null;
  handed_over_from_name: string | null;
  contact_mode: ContactMode;
  due_date: string;
  grace_ends_on: string;
  status: CheckInStatus;
  outcome: CheckInOutcome | null;
  channel: ContactMode | null;
  note: string | null;
  completed_at: Date | null;
  completed_by: string | null;
  completed_by_name: string | null;
}

export const CHECK_IN_SELECT = `
  SELECT ci.id, ci.watch_id, c.id AS client_id, c.name AS client_name, c.reference AS client_reference,
         ci.caseworker_id, cw.display_name AS caseworker_name,
         ci.handed_over_from, hf.display_name AS handed_over_from_name, w.contact_mode, ci.due_date::text AS due_date,
         ci.grace_ends_on::text AS grace_ends_on, ci.status, ci.outcome, ci.channel, ci.note, ci.completed_at,
         ci.completed_by, cb.display_name AS completed_by_name
  FROM check_ins ci
  JOIN watches w ON w.id = ci.watch_id
  JOIN clients c ON c.id = w.client_id
  JOIN users cw ON cw.id = ci.caseworker_id
  LEFT JOIN users cb ON cb.id = ci.completed_by
  LEFT JOIN users hf ON hf.id = ci.handed_over_from`;

export const toCheckIn = (r: CheckInRow): CheckIn => ({
  id: r.id,
  watchId: r.watch_id,
  client: { id: r.client_id, name: r.client_name, reference: r.client_reference },
  caseworker: { id: r.caseworker_id, displayName: r.caseworker_name },
  handedOverFrom: r.handed_over_from
    ? { id: r.handed_over_from, displayName: r.handed_over_from_name as string }
    : null,
  contactMode: r.contact_mode,
  dueDate: r.due_date,
  graceEndsOn: r.grace_ends_on,
  status: r.status,
  outcome: r.outcome,
  channel: r.channel,
  note: r.note,
  completedAt: r.completed_at ? new Date(r.completed_at).toISOString() : null,
  completedBy: r.completed_by ? { id: r.completed_by, displayName: r.completed_by_name as string } : null,
});
