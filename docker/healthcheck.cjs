'use strict';
// Container health check for the Waakvlam API image.
//   node docker/healthcheck.cjs http    GET /api/health/live on this container (HTTP role)
//   node docker/healthcheck.cjs worker  the worker process can reach PostgreSQL and Redis
// Exits 0 when healthy, 1 otherwise. Prints nothing on success.

const TIMEOUT_MS = 4000;
const mode = process.argv[2] || 'http';

function fail(message) {
  console.error(`unhealthy: ${message}`);
  process.exit(1);
}

async function checkHttp() {
  const port = process.env.PORT || '3000';
  const res = await fetch(`http://127.0.0.1:${port}/api/health/live`, {
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!res.ok) fail(`/api/health/live answered ${res.status}`);
}

async function checkWorker() {
  const { Client } = require('pg');
  const Redis = require('ioredis');

  const pg = new Client({
    connectionString: process.env.DATABASE_URL,
    connectionTimeoutMillis: TIMEOUT_MS,
    query_timeout: TIMEOUT_MS,
  });
  try {
    await pg.connect();
    await pg.query('SELECT 1');
  } finally {
    await pg.end().catch(() => undefined);
  }

  const redis = new Redis(process.env.REDIS_URL, {
    lazyConnect: true,
    connectTimeout: TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    const pong = await redis.ping();
    if (pong !== 'PONG') fail(`redis answered ${pong}`);
  } finally {
    redis.disconnect();
  }
}

const checks = { http: checkHttp, worker: checkWorker };
if (!checks[mode]) fail(`unknown mode "${mode}" (use http or worker)`);

checks[mode]().then(
  () => process.exit(0),
  (err) => fail(err && err.message ? err.message : String(err)),
);
