import type { DatabaseMetricsReader, DatabaseSnapshot } from './database-metrics.reader';
import { MetricsRegistry } from './metrics-registry.service';
import type { QueueMetricsReader, QueueSnapshot } from './queue-metrics.reader';

const queues: QueueSnapshot[] = [
  {
    queue: 'mail',
    jobs: { waiting: 4, active: 1, delayed: 2, prioritized: 0, failed: 3 },
    completedTotal: 120,
    failedTotal: 7,
  },
];
const database: DatabaseSnapshot = {
  timers: [{ kind: 'check_in_overdue', pending: 5, overdue: 2 }],
  notifications: [{ state: 'dead', count: 9 }],
};

function registry(read: {
  queues: () => Promise<QueueSnapshot[]>;
  database: () => Promise<DatabaseSnapshot>;
}) {
  return new MetricsRegistry(
    { read: read.queues } as unknown as QueueMetricsReader,
    { read: read.database } as unknown as DatabaseMetricsReader,
  );
}

describe('MetricsRegistry', () => {
  afterEach(() => jest.useRealTimers());

  it('renders the figures of both sources', async () => {
    const text = await registry({
      queues: async () => queues,
      database: async () => database,
    }).render();

    expect(text).toContain('waakvlam_queue_jobs{queue="mail",state="waiting"} 4');
    expect(text).toContain('waakvlam_queue_jobs{queue="mail",state="failed"} 3');
    expect(text).toContain('# TYPE waakvlam_queue_jobs_completed_total counter');
    expect(text).toContain('waakvlam_queue_jobs_completed_total{queue="mail"} 120');
    expect(text).toContain('waakvlam_queue_jobs_failed_total{queue="mail"} 7');
    expect(text).toContain('waakvlam_timers_pending{kind="check_in_overdue"} 5');
    expect(text).toContain('waakvlam_timers_overdue{kind="check_in_overdue"} 2');
    expect(text).toContain('waakvlam_notifications{state="dead"} 9');
    expect(text).toContain('waakvlam_metrics_source_up{source="redis"} 1');
    expect(text).toContain('waakvlam_metrics_source_up{source="database"} 1');
  });

  it('reports the same totals on every scrape, not their sum', async () => {
    const metrics = registry({ queues: async () => queues, database: async () => database });
    await metrics.render();
    const second = await metrics.render();
    expect(second).toContain('waakvlam_queue_jobs_completed_total{queue="mail"} 120');
  });

  it('reports a source that misses the deadline as down, without its figures, and does not wait for it', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-02T09:00:00Z') });
    const metrics = registry({
      queues: async () => queues,
      database: () => new Promise<DatabaseSnapshot>(() => undefined),
    });
    const rendering = metrics.render();
    await jest.advanceTimersByTimeAsync(2_000);
    const text = await rendering;

    expect(text).toContain('waakvlam_metrics_source_up{source="database"} 0');
    expect(text).toContain('waakvlam_metrics_source_up{source="redis"} 1');
    expect(text).not.toMatch(/^waakvlam_timers_pending\{/m);
    expect(text).not.toMatch(/^waakvlam_notifications\{/m);
    expect(text).toContain('waakvlam_queue_jobs{queue="mail",state="waiting"} 4');
  });

  it('drops the figures of a source that fails after having answered before', async () => {
    let redisUp = true;
    const metrics = registry({
      queues: async () => {
        if (!redisUp) throw new Error('connection refused');
        return queues;
      },
      database: async () => database,
    });
    await metrics.render();
    redisUp = false;
    const text = await metrics.render();

    expect(text).toContain('waakvlam_metrics_source_up{source="redis"} 0');
    expect(text).not.toMatch(/^waakvlam_queue_jobs\{/m);
    expect(text).not.toMatch(/^waakvlam_queue_jobs_completed_total\{/m);
  });

  it('times requests by their labels', async () => {
    const metrics = registry({ queues: async () => queues, database: async () => database });
    metrics.observeRequest({ method: 'GET', route: '/api/clients/:id', status_class: '2xx' }, 0.03);
    const text = await metrics.render();
    expect(text).toContain(
      'waakvlam_http_request_duration_seconds_bucket{le="0.05",method="GET",route="/api/clients/:id",status_class="2xx"} 1',
    );
    expect(text).toContain(
      'waakvlam_http_request_duration_seconds_bucket{le="0.025",method="GET",route="/api/clients/:id",status_class="2xx"} 0',
    );
  });
});
