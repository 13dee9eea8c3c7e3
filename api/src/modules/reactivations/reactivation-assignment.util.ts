/** A caseworker as assignment sees them today. */
export interface AssignmentCandidate {
  id: string;
  active: boolean;
  /** An absence (user_absences) covers today in the organisation's calendar. */
  absent: boolean;
}

/**
 * DESIGN §3: the primary caseworker if active and not absent, else the backup caseworker if active and not absent,
 * else nobody: the request goes to the team pool, where a coordinator assigns it.
 */
export function chooseAssignee(
  primary: AssignmentCandidate,
  backup: AssignmentCandidate | null,
): string | null {
  for (const candidate of [primary, backup]) {
    if (candidate && candidate.active && !candidate.absent) return candidate.id;
  }
  return null;
}
