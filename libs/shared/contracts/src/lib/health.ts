export type HealthState = 'ok' | 'error';

export interface HealthReport {
  status: HealthState;
  checks: Record<string, { status: 'up' | 'down'; message?: string }>;
}
