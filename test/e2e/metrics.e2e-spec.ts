import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { AppModule } from '../../api/src/app.module';
import { JobName, QueueName } from '../../api/src/core/queue/queue.constants';
import { QueueService } from '../../api/src/core/queue/queue.service';
import {
  createClient,
  createNotification,
  createTeam,
  createTimer,
  type TestUser,
} from '../support/factories';
import { waitUntil } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';
import { testConfig } from '../support/test-config';
import { ADMIN_DATABASE_URL, currentTestRun, withDatabase } from '../support/test-run';

/** One sample of the Prometheus text format. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parse(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`Not a sample: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
      );
      return { name: match[1], labels, value: Number(match[3]) };
    });
}

/** The value of the one sample with this name and (at least) these labels. */
function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  const found = samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
  if (found.length !== 1) throw new Error(`${found.length} samples of ${name} ${JSON.stringify(labels)}`);
  return found[0].value;
}

/**
 * The figures are cluster-wide, so this spec has a database and a Redis prefix of its own: other specs running
 * at the same time cannot change what it counts.
 */
describe('GET /metrics', () => {
  const run = currentTestRun();
  const databaseName = `${run.databaseName}_metrics`;
  const own = {
    DATABASE_URL: withDatabase(run.databaseUrl, databaseName),
    DATABASE_MIGRATION_URL: withDatabase(run.ownerDatabaseUrl, databaseName),
    REDIS_PREFIX: `${run.redisPrefix}-metrics`,
  };
  let t: TestApp;
  let team: { organisation: { id: string; name: string }; admin: TestUser; coordinator: TestUser };

  const adminDatabase = async (sql: string): Promise<void> => {
    const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(sql);
    } finally {
      await admin.end();
    }
  };
  const scrape = async (): Promise<{ text: string; samples: Sample[] }> => {
    const response = await t.client().get<string>('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return { text: response.body, samples: parse(response.body) };
  };

  beforeAll(async () => {
    await adminDatabase(`CREATE DATABASE ${databaseName}`);
    t = await startTestApp({ ...own, MIGRATE_ON_START: 'true' });
    team = await createTeam(t.dataSource);
  });
  afterAll(async () => {
    await t?.close();
    await adminDatabase(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  });

  it('counts pending and overdue timers by kind, and the outbox by state, without tenant or personal data', async () => {
    const org = team.organisation.id;
    const hourAgo = new Date(Date.now() - 3_600_000);
    const subjects = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    for (const subject of subjects.slice(0, 3))
      await createTimer(t.dataSource, org, 'check_in_overdue', subject, hourAgo);
    await createTimer(
      t.dataSource,
      org,
      'check_in_pre_notice',
      subjects[3],
      new Date(Date.now() + 86_400_000),
    );
    const client = await createClient(t.dataSource, org, team.coordinator.id, {
      email: 'j.jansen@example.nl',
    });
    await createNotification(t.dataSource, org, { status: 'dead', subject: 'Herinnering voor J. Jansen' });
    await createNotification(t.dataSource, org, { status: 'dead' });
    await createNotification(t.dataSource, org, { status: 'sent' });

    const { text, samples } = await scrape();

    expect(valueOf(samples, 'waakvlam_timers_pending', { kind: 'check_in_overdue' })).toBe(3);
    expect(valueOf(samples, 'waakvlam_timers_overdue', { kind: 'check_in_overdue' })).toBe(3);
    expect(valueOf(samples, 'waakvlam_timers_pending', { kind: 'check_in_pre_notice' })).toBe(1);
    expect(valueOf(samples, 'waakvlam_timers_overdue', { kind: 'check_in_pre_notice' })).toBe(0);
    expect(valueOf(samples, 'waakvlam_timers_pending', { kind: 'caseworker_digest' })).toBe(0);
    expect(valueOf(samples, 'waakvlam_notifications', { state: 'dead' })).toBe(2);
    expect(valueOf(samples, 'waakvlam_notifications', { state: 'sent' })).toBe(1);
    expect(valueOf(samples, 'waakvlam_notifications', { state: 'pending' })).toBe(0);
    expect(valueOf(samples, 'waakvlam_metrics_source_up', { source: 'database' })).toBe(1);
    expect(valueOf(samples, 'waakvlam_metrics_source_up', { source: 'redis' })).toBe(1);
    // The default process metrics of prom-client.
    expect(valueOf(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(valueOf(samples, 'nodejs_heap_size_total_bytes')).toBeGreaterThan(0);

    for (const secret of [
      org,
      team.organisation.name,
      team.coordinator.email,
      client.id,
      client.name,
      'jansen',
    ]) {
      expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
    }
    expect(text).not.toMatch(/@example\.nl|@test\.waakvlam\.nl/);
  });

  it('reports the depth of every queue by state, read from Redis', async () => {
    const queues = t.app.get(QueueService);
    await queues.add(JobName.NotificationSend, { notificationId: crypto.randomUUID() }, { delay: 3_600_000 });
    await queues.add(JobName.NotificationSend, { notificationId: crypto.randomUUID() }, { delay: 3_600_000 });
    await queues.add(JobName.SessionPurge, {});
    await queues.add(JobName.ReactivationNotify, { notificationId: crypto.randomUUID() }, { priority: 5 });

    const { samples } = await scrape();

    expect(valueOf(samples, 'waakvlam_queue_jobs', { queue: 'mail', state: 'delayed' })).toBe(2);
    expect(valueOf(samples, 'waakvlam_queue_jobs', { queue: 'mail', state: 'waiting' })).toBe(0);
    expect(valueOf(samples, 'waakvlam_queue_jobs', { queue: 'housekeeping', state: 'waiting' })).toBe(1);
    expect(valueOf(samples, 'waakvlam_queue_jobs', { queue: 'urgent', state: 'prioritized' })).toBe(1);
    for (const queue of Object.values(QueueName)) {
      expect(valueOf(samples, 'waakvlam_queue_jobs', { queue, state: 'active' })).toBe(0);
      expect(valueOf(samples, 'waakvlam_queue_jobs', { queue, state: 'failed' })).toBe(0);
      // Nothing ran: the api-only process has no workers.
      expect(valueOf(samples, 'waakvlam_queue_jobs_completed_total', { queue })).toBe(0);
    }
  });

  it('times requests by method, route template and status class, never by the raw path', async () => {
    const coordinator = await t.signIn(team.coordinator);
    const unknownId = crypto.randomUUID();
    expect((await coordinator.get(`/api/clients/${unknownId}`)).status).toBe(404);
    expect((await coordinator.get(`/api/clients/${unknownId}`)).status).toBe(404);
    expect((await t.client().get(`/api/no-such-thing/${unknownId}`)).status).toBe(404);

    const { text, samples } = await scrape();

    const labels = { method: 'GET', route: '/api/clients/:id', status_class: '4xx' };
    expect(valueOf(samples, 'waakvlam_http_request_duration_seconds_count', labels)).toBe(2);
    expect(valueOf(samples, 'waakvlam_http_request_duration_seconds_bucket', { ...labels, le: '+Inf' })).toBe(
      2,
    );
    expect(valueOf(samples, 'waakvlam_http_request_duration_seconds_sum', labels)).toBeGreaterThan(0);
    expect(
      valueOf(samples, 'waakvlam_http_request_duration_seconds_count', {
        method: 'GET',
        route: 'unmatched',
        status_class: '4xx',
      }),
    ).toBe(1);
    expect(
      valueOf(samples, 'waakvlam_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/api/auth/login',
        status_class: '2xx',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(unknownId);
    expect(text).not.toContain('no-such-thing');
  });

  it('reads the completed and failed counters that a separate worker process writes to Redis', async () => {
    // Keep the worker's planner idle: no timers to claim.
    await t.dataSource.query(`DELETE FROM timers`);
    const worker: INestApplicationContext = await NestFactory.createApplicationContext(
      AppModule.forConfig(testConfig({ ...own, WAAKVLAM_ROLES: 'worker' })),
      { logger: false },
    );
    try {
      await worker.init();
      const queues = t.app.get(QueueService);
      const [dead] = (await t.dataSource.query(
        `SELECT id FROM notifications WHERE status = 'dead' LIMIT 1`,
      )) as Array<{ id: string }>;
      // A dead message: the processor leaves it alone and completes. A job nobody processes: fails once.
      await queues.add(JobName.NotificationSend, { notificationId: dead.id });
      await queues.queue(QueueName.Mail).add('not-a-job', {}, { attempts: 1 });
      const mail = queues.queue(QueueName.Mail);
      await waitUntil(
        async () => {
          const counts = await mail.getJobCounts('waiting', 'active', 'completed', 'failed');
          return counts.waiting + counts.active === 0 && counts.completed + counts.failed === 2;
        },
        15_000,
        'the worker to finish both mail jobs',
      );

      const { samples } = await scrape();

      expect(valueOf(samples, 'waakvlam_queue_jobs_completed_total', { queue: 'mail' })).toBe(1);
      expect(valueOf(samples, 'waakvlam_queue_jobs_failed_total', { queue: 'mail' })).toBe(1);
      expect(valueOf(samples, 'waakvlam_queue_jobs', { queue: 'mail', state: 'failed' })).toBe(1);
      expect(valueOf(samples, 'waakvlam_queue_jobs', { queue: 'mail', state: 'delayed' })).toBe(2);
      expect(valueOf(samples, 'waakvlam_queue_jobs_failed_total', { queue: 'urgent' })).toBe(0);
    } finally {
      await worker.close();
    }
  });

  it('wants the bearer token when METRICS_TOKEN is set', async () => {
    const token = 'metrics-token-for-the-test-0123456789';
    const guarded = await startTestApp({ ...own, METRICS_TOKEN: token });
    try {
      const anonymous = await guarded.client().get<{ type: string; status: number }>('/metrics');
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
      expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect(anonymous.body.type).toMatch(/unauthenticated$/);
      const wrong = await guarded.client().get('/metrics', { authorization: `Bearer ${token}x` });
      expect(wrong.status).toBe(401);
      const right = await guarded.client().get<string>('/metrics', { authorization: `Bearer ${token}` });
      expect(right.status).toBe(200);
      expect(right.body).toContain('# TYPE waakvlam_queue_jobs gauge');
    } finally {
      await guarded.close();
    }
  });

  it('is not under /api and not in the API document', async () => {
    expect((await t.client().get('/api/metrics')).status).toBe(404);
    const openApi = await t.client().get<{ paths: Record<string, unknown> }>('/api/openapi.json');
    expect(openApi.status).toBe(200);
    expect(Object.keys(openApi.body.paths)).not.toContain('/metrics');
  });
});
