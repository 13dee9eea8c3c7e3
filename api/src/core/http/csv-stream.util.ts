import { finished, pipeline, Transform, type TransformCallback } from 'node:stream';
import type { FastifyReply } from 'fastify';
import QueryStream from 'pg-query-stream';
import { TenantContext } from '../database/tenant-context.store';
import { tenantSettingsSql } from '../database/tenant-transaction.util';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { type CsvColumn, csvHead, csvRow } from './csv.util';

/** Rows fetched from PostgreSQL per round trip (a cursor: the result is never held whole). */
export const CSV_FETCH_BATCH = 500;
/** Text gathered before it is written to the socket: a few dozen rows per write, not one. */
const CHUNK_BYTES = 64 * 1024;

export interface CsvStreamSpec<Row> {
  /** One SELECT; its rows become the lines, in its order. */
  sql: string;
  params: readonly unknown[];
  columns: readonly CsvColumn<Row>[];
  /** `Content-Disposition` file name (see csvFileName). */
  fileName: string;
  /** Sees every row as it is written (e.g. to collect the client ids for the audit log). */
  onRow?: (row: Row) => void;
}

export interface CsvStreamResult {
  /** Data rows written (the header not counted). */
  rows: number;
  /** False when the query failed or the client went away before the end. */
  completed: boolean;
  error: Error | null;
}

/** Turns rows into CSV text: the BOM and header first, then the rows, in chunks of about CHUNK_BYTES. */
class CsvEncoder<Row> extends Transform {
  rows = 0;
  private buffered: string;

  constructor(
    private readonly columns: readonly CsvColumn<Row>[],
    private readonly onRow?: (row: Row) => void,
  ) {
    super({ writableObjectMode: true, readableObjectMode: false });
    this.buffered = csvHead(columns);
  }

  override _transform(row: Row, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      this.onRow?.(row);
      this.buffered += csvRow(this.columns, row);
      this.rows += 1;
    } catch (error) {
      done(error as Error);
      return;
    }
    if (this.buffered.length >= CHUNK_BYTES) {
      const chunk = this.buffered;
      this.buffered = '';
      done(null, chunk);
    } else {
      done();
    }
  }

  override _flush(done: TransformCallback): void {
    done(null, this.buffered);
  }
}

/**
 * Streams the rows of one query as a CSV download: a cursor on a connection of its own, fetched in batches of
 * CSV_FETCH_BATCH under the socket's back-pressure, so memory stays bounded however big the export. Sets
 * `Content-Type: text/csv; charset=utf-8` and `Content-Disposition: attachment`. The connection goes back to the
 * pool when the rows end; when the client disconnects mid-download or the query fails it is discarded (its cursor
 * may still be open). Resolves when the response is over, with what was written: use it to audit the export.
 */
export async function streamCsv<Row>(
  dataSource: DataSource,
  reply: FastifyReply,
  spec: CsvStreamSpec<Row>,
): Promise<CsvStreamResult> {
  const driver = dataSource.driver as PostgresDriver;
  const [connection, release] = (await driver.obtainMasterConnection()) as [
    { query: ((stream: QueryStream) => QueryStream) & ((sql: string) => Promise<unknown>) },
    (error?: Error) => void,
  ];
  // The cursor runs in a transaction of its own that carries the request's tenant context (row-level security).
  const context = TenantContext.current();
  if (context) await connection.query(`BEGIN READ ONLY; ${tenantSettingsSql(context)}`);
  const rows = connection.query(
    new QueryStream(spec.sql, [...spec.params], {
      batchSize: CSV_FETCH_BATCH,
      highWaterMark: CSV_FETCH_BATCH,
    }),
  );
  const encoder = new CsvEncoder<Row>(spec.columns, spec.onRow);

  const streamed = new Promise<Error | null>((resolve) => {
    pipeline(rows, encoder, (error) => {
      if (error || !context) {
        release(error ?? undefined);
        resolve(error ?? null);
        return;
      }
      connection.query('COMMIT').then(
        () => {
          release();
          resolve(null);
        },
        (commitError: Error) => {
          release(commitError);
          resolve(commitError);
        },
      );
    });
  });
  const delivered = new Promise<Error | null>((resolve) => {
    finished(reply.raw, (error) => resolve(error ?? null));
  });

  void reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${spec.fileName}"`)
    .header('cache-control', 'no-store')
    .send(encoder);

  const [streamError, deliveryError] = await Promise.all([streamed, delivered]);
  const error = streamError ?? deliveryError;
  return { rows: encoder.rows, completed: error === null, error };
}
