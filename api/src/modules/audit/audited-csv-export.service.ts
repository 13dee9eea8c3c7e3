import { Injectable, Logger } from '@nestjs/common';
import { WorkingCalendar } from '@waakvlam/schedule';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import type { SessionUser } from '../../core/auth/session-user.interface';
import { streamCsv } from '../../core/http/csv-stream.util';
import { type CsvColumn, csvFileName } from '../../core/http/csv.util';
import { AuditService } from './audit.service';

/** One list's export: its query (the list's own filters), columns and names. */
export interface CsvExportSpec<Row> {
  /** The file name's list part: `waakvlam-<list>-<yyyy-mm-dd>.csv`. */
  list: string;
  /** The audit resource, e.g. `watches.export`. */
  resource: string;
  /** The query's filters as the caller sent them: recorded in the audit event. */
  filters: object;
  sql: string;
  params: readonly unknown[];
  columns: readonly CsvColumn<Row>[];
  /** The client a row is about (null: none), recorded in the audit event. */
  clientIdOf: (row: Row) => string | null;
  /** The clients a row is about, when it can be several (used instead of clientIdOf when given). */
  clientIdsOf?: (row: Row) => readonly string[];
}

/**
 * Streams a list as CSV (core/http/csv-stream.util) and writes one audit event for it: action `export`, the
 * resource, the filters, the row count and the ids of the exported rows' clients; outcome `failure` when the
 * stream broke (query error, client gone).
 */
@Injectable()
export class AuditedCsvExport {
  private readonly logger = new Logger(AuditedCsvExport.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async send<Row>(
    session: SessionUser,
    request: FastifyRequest,
    reply: FastifyReply,
    spec: CsvExportSpec<Row>,
    now = new Date(),
  ): Promise<void> {
    const clientIds = new Set<string>();
    const day = new WorkingCalendar({ timeZone: session.timeZone }).today(now);
    const result = await streamCsv(this.dataSource, reply, {
      sql: spec.sql,
      params: spec.params,
      columns: spec.columns,
      fileName: csvFileName(spec.list, day),
      onRow: (row) => {
        if (spec.clientIdsOf) for (const id of spec.clientIdsOf(row)) clientIds.add(id);
        const id = spec.clientIdsOf ? null : spec.clientIdOf(row);
        if (id) clientIds.add(id);
      },
    });
    const userAgent = request.headers['user-agent'];
    try {
      await this.audit.record({
        organisationId: session.organisationId,
        action: 'export',
        outcome: result.completed ? 'success' : 'failure',
        userId: session.userId,
        role: session.role,
        purpose: 'accountability',
        clientIds: [...clientIds],
        resource: spec.resource,
        ip: request.ip,
        userAgent: typeof userAgent === 'string' ? userAgent : null,
        source: 'console',
        details: {
          filters: definedOnly(spec.filters),
          rows: result.rows,
          ...(result.error ? { error: result.error.name } : {}),
        },
      });
    } catch (error) {
      // The download is over (headers long sent); the lost event is an operational error to alert on.
      this.logger.error(`Could not audit the export ${spec.resource}: ${(error as Error).message}`);
    }
  }
}

/** The filters without unset ones and paging (what narrowed the export). */
function definedOnly(filters: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(filters).filter(
      ([key, value]) => value !== undefined && value !== null && key !== 'page' && key !== 'pageSize',
    ),
  );
}
