import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DatabaseMetricsReader } from './database-metrics.reader';
import { withDeadline } from './deadline.util';
import type { HttpRequestLabels } from './http-route-label.util';
import { HTTP_LATENCY_BUCKETS, SCRAPE_SOURCE_TIMEOUT_MS } from './metric-names.constants';
import { QueueMetricsReader } from './queue-metrics.reader';

/**
 * The process's Prometheus registry (its own, not prom-client's global one, so that several apps in one
 * process, as in the tests, do not collide). Queue, timer and outbox figures are read at scrape time and
 * are cluster-wide; the HTTP histogram and the default process metrics are this process's.
 */
@Injectable()
export class MetricsRegistry {
  private readonly registry = new Registry();
  private readonly http = new Histogram({
    name: 'waakvlam_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route template and status class (this process).',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: HTTP_LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly queueJobs = this.gauge('waakvlam_queue_jobs', 'Jobs in a BullMQ queue, by state.', [
    'queue',
    'state',
  ]);
  private readonly completed = new Counter({
    name: 'waakvlam_queue_jobs_completed_total',
    help: 'Jobs completed on a queue by any worker (BullMQ metrics, read from Redis).',
    labelNames: ['queue'] as const,
    registers: [this.registry],
  });
  private readonly failed = new Counter({
    name: 'waakvlam_queue_jobs_failed_total',
    help: 'Job attempts that failed on a queue in any worker (BullMQ metrics, read from Redis).',
    labelNames: ['queue'] as const,
    registers: [this.registry],
  });
  private readonly timersPending = this.gauge('waakvlam_timers_pending', 'Timers not yet claimed.', ['kind']);
  private readonly timersOverdue = this.gauge(
    'waakvlam_timers_overdue',
    'Pending timers whose fire time has passed (the planner is behind).',
    ['kind'],
  );
  private readonly notifications = this.gauge(
    'waakvlam_notifications',
    'E-mails in the outbox, by state (dead: given up after the last retry).',
    ['state'],
  );
  private readonly sourceUp = this.gauge(
    'waakvlam_metrics_source_up',
    '1 when the source answered within the scrape deadline, 0 when its figures are missing.',
    ['source'],
  );

  constructor(
    private readonly queues: QueueMetricsReader,
    private readonly database: DatabaseMetricsReader,
  ) {
    collectDefaultMetrics({ register: this.registry });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  observeRequest(labels: HttpRequestLabels, seconds: number): void {
    this.http.observe(labels, seconds);
  }

  /** Reads Redis and PostgreSQL at once, each within the deadline, and renders the text format. */
  async render(): Promise<string> {
    const [queues, database] = await Promise.allSettled([
      withDeadline(this.queues.read(), SCRAPE_SOURCE_TIMEOUT_MS, 'Redis'),
      withDeadline(this.database.read(), SCRAPE_SOURCE_TIMEOUT_MS, 'PostgreSQL'),
    ]);
    for (const metric of [this.queueJobs, this.completed, this.failed]) metric.reset();
    for (const metric of [this.timersPending, this.timersOverdue, this.notifications]) metric.reset();

    this.sourceUp.set({ source: 'redis' }, queues.status === 'fulfilled' ? 1 : 0);
    if (queues.status === 'fulfilled') {
      for (const q of queues.value) {
        for (const [state, count] of Object.entries(q.jobs))
          this.queueJobs.set({ queue: q.queue, state }, count);
        this.completed.inc({ queue: q.queue }, q.completedTotal);
        this.failed.inc({ queue: q.queue }, q.failedTotal);
      }
    }
    this.sourceUp.set({ source: 'database' }, database.status === 'fulfilled' ? 1 : 0);
    if (database.status === 'fulfilled') {
      for (const t of database.value.timers) {
        this.timersPending.set({ kind: t.kind }, t.pending);
        this.timersOverdue.set({ kind: t.kind }, t.overdue);
      }
      for (const n of database.value.notifications) this.notifications.set({ state: n.state }, n.count);
    }
    return this.registry.metrics();
  }

  private gauge<L extends string>(name: string, help: string, labelNames: L[]): Gauge<L> {
    return new Gauge({ name, help, labelNames, registers: [this.registry] });
  }
}
