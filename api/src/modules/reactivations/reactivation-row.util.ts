import type {
  ReactivationReason,
  ReactivationRequest,
  ReactivationResolution,
  ReactivationSource,
  ReactivationStatus,
  ReactivationUrgency,
} from '@waakvlam/contracts';

export interface ReactivationRow {
  id: string;
  watch_id: string;
  client_id: string;
  client_name: string;
  client_reference: string;
  status: ReactivationStatus;
  resolution: ReactivationResolution | null;
  urgency: ReactivationUrgency;
  assignee_id: string | null;
  assignee_name: string | null;
  sources: ReactivationSource[];
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
  accepted_at: Date | null;
  contacted_at: Date | null;
  resolved_at: Date | null;
  cancelled_at: Date | null;
  sla_due_at: Date;
  updated_at: Date;
  resolution_note: string | null;
  cancel_reason: string | null;
  primary_caseworker_id: string;
  backup_caseworker_id: string | null;
}

export interface ReactivationReasonRow {
  id: string;
  source: ReactivationSource;
  urgency: ReactivationUrgency;
  reason: string;
  actor_id: string | null;
  actor_name: string | null;
  created_at: Date;
}

/** A request with its client, assignee and creator; `w` is its watch (for the caseworker's access check). */
export const REACTIVATION_SELECT = `
  SELECT r.id, r.watch_id, r.client_id, c.name AS client_name, c.reference AS client_reference, r.status,
         r.resolution, r.urgency, r.assignee_id, au.display_name AS assignee_name, r.sources, r.created_by,
         cu.display_name AS created_by_name, r.created_at, r.accepted_at, r.contacted_at, r.resolved_at,
         r.cancelled_at, r.sla_due_at, r.updated_at, r.resolution_note, r.cancel_reason,
         w.primary_caseworker_id, w.backup_caseworker_id
  FROM reactivation_requests r
  JOIN watches w ON w.id = r.watch_id
  JOIN clients c ON c.id = r.client_id
  LEFT JOIN users au ON au.id = r.assignee_id
  LEFT JOIN users cu ON cu.id = r.created_by`;

/**
 * A caseworker sees the requests assigned to them and those of the watches they are primary or backup caseworker
 * of; `$n` null for other roles.
 */
export const caseworkerRequestFilter = (param: string): string =>
  `(${param}::uuid IS NULL OR r.assignee_id = ${param}::uuid OR w.primary_caseworker_id = ${param}::uuid
    OR w.backup_caseworker_id = ${param}::uuid)`;

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

/** Whether the first contact came (or is still not made) after the deadline. */
export function slaBreached(r: ReactivationRow, now: Date): boolean {
  const due = new Date(r.sla_due_at).getTime();
  if (r.contacted_at) return new Date(r.contacted_at).getTime() > due;
  return (r.status === 'open' || r.status === 'accepted') && now.getTime() > due;
}

export function toReactivation(r: ReactivationRow, now: Date): ReactivationRequest {
  return {
    id: r.id,
    watchId: r.watch_id,
    client: { id: r.client_id, name: r.client_name, reference: r.client_reference },
    status: r.status,
    resolution: r.resolution,
    urgency: r.urgency,
    assignee: r.assignee_id ? { id: r.assignee_id, displayName: r.assignee_name ?? '' } : null,
    sources: r.sources,
    createdBy: r.created_by ? { id: r.created_by, displayName: r.created_by_name ?? '' } : null,
    createdAt: new Date(r.created_at).toISOString(),
    acceptedAt: iso(r.accepted_at),
    contactedAt: iso(r.contacted_at),
    resolvedAt: iso(r.resolved_at),
    cancelledAt: iso(r.cancelled_at),
    slaDueAt: new Date(r.sla_due_at).toISOString(),
    slaBreached: slaBreached(r, now),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export const toReactivationReason = (r: ReactivationReasonRow): ReactivationReason => ({
  id: r.id,
  source: r.source,
  urgency: r.urgency,
  reason: r.reason,
  actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name ?? '' } : null,
  at: new Date(r.created_at).toISOString(),
});
