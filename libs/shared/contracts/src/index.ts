export * from './lib/api-paths';
export * from './lib/auth';
export * from './lib/dev-mailbox';
export * from './lib/health';
export * from './lib/pagination';
export * from './lib/problem';
export * from './lib/roles';
