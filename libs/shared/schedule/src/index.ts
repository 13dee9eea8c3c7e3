// Pure, timezone-aware cadence and working-day maths. No framework code belongs here.
export * from './lib/time-zone';
