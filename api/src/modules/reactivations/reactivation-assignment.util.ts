/** A caseworker as assignment sees them today. */
export interface AssignmentCandidate {
  id: string;
  active: boolean;
  /** An absence (user_absences) covers today in the organisation's calendar. */
  absent: boolean;
  /** Their open requests (open, accepted, contacted) have reached their reactivation capacity. */
  atCapacity: boolean;
}

/**
 * DESIGN §3: the primary caseworker if active, not absent and not at capacity, else the backup caseworker on the
 * same terms, else nobody: the request goes to the team pool, where a coordinator assigns it.
 */
export function chooseAssignee(
  primary: AssignmentCandidate,
  backup: AssignmentCandidate | null,
): string | null {
  for (const candidate of [primary, backup]) {
    if (candidate && candidate.active && !candidate.absent && !candidate.atCapacity) return candidate.id;
  }
  return null;
}

/** A caseworker's capacity (null: no limit) and how many open requests they have now. */
export interface CapacityLoad {
  capacity: number | null;
  open: number;
}

/**
 * Counts requests against capacities while one batch assigns them: `full` says whether a user is at capacity,
 * `take` records one more request for them. A user without a load (no limit) is never full.
 */
export class CapacityLedger {
  private readonly loads: Map<string, CapacityLoad>;

  constructor(loads: ReadonlyMap<string, CapacityLoad>) {
    this.loads = new Map([...loads].map(([id, load]) => [id, { ...load }]));
  }

  full(userId: string): boolean {
    const load = this.loads.get(userId);
    return load !== undefined && load.capacity !== null && load.open >= load.capacity;
  }

  take(userId: string | null): void {
    const load = userId === null ? undefined : this.loads.get(userId);
    if (load) load.open += 1;
  }
}
