// Pure, timezone-aware cadence and working-day maths. No framework code belongs here.
export * from './lib/adaptive-cadence';
export * from './lib/time-zone';
export * from './lib/working-calendar';
