import type { AuditSubjectRefs } from './audit-event.model';

/** What an audited route's event concerns: clients by id, and records whose clients the INSERT looks up. */
export interface AuditSubjects extends AuditSubjectRefs {
  clientIds?: ReadonlyArray<string | null | undefined>;
}

/** The request and, after a successful handler, its answer. */
export interface AuditSubjectInput {
  result: unknown;
  params: Readonly<Record<string, string | undefined>>;
  body: unknown;
}

export type AuditSubjectsOf = (input: AuditSubjectInput) => AuditSubjects;

type Obj = Readonly<Record<string, unknown>>;
const obj = (value: unknown): Obj | null =>
  value !== null && typeof value === 'object' ? (value as Obj) : null;
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const idOf = (value: unknown): string | null => text(obj(value)?.['id']);
/** The client an answer names: `client.id`, `clientId`, or a wrapped `request.client.id`. */
const clientOf = (value: unknown): string | null =>
  idOf(obj(value)?.['client']) ??
  text(obj(value)?.['clientId']) ??
  idOf(obj(obj(value)?.['request'])?.['client']);
/** The rows of an answer: an array, or a page's items. */
const rowsOf = (value: unknown): unknown[] =>
  Array.isArray(value)
    ? value
    : Array.isArray(obj(value)?.['items'])
      ? (obj(value)?.['items'] as unknown[])
      : [];
const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];

type RecordKind = keyof AuditSubjectRefs;

/** The subjects of the audited routes, by the shape of their request and answer. */
export const AuditSubjectsFrom = {
  /** A client route: the `:param` client, or the client the answer is (created). */
  client:
    (param = 'id'): AuditSubjectsOf =>
    ({ params, result }) => ({ clientIds: [params[param], idOf(result)] }),
  /** A list of clients: the rows are clients. */
  clientRows: (({ result }) => ({ clientIds: rowsOf(result).map(idOf) })) as AuditSubjectsOf,
  /** A list whose rows name their client. */
  rowClients: (({ result }) => ({ clientIds: rowsOf(result).map(clientOf) })) as AuditSubjectsOf,
  /** A list of records of one kind (their clients are looked up), plus the clients the rows name. */
  rowRecords:
    (kind: RecordKind): AuditSubjectsOf =>
    ({ result }) => {
      const rows = rowsOf(result);
      return {
        clientIds: rows.map(clientOf),
        [kind]: rows.map(idOf).filter((id): id is string => id !== null),
      };
    },
  /** A record route `:id` of one kind (its client is looked up, also when refused), plus the answer's client. */
  record:
    (kind: RecordKind, param = 'id'): AuditSubjectsOf =>
    ({ params, result }) => ({ clientIds: [clientOf(result)], [kind]: params[param] ? [params[param]] : [] }),
  /** The record the answer is (created), plus the client it names. */
  createdRecord:
    (kind: RecordKind): AuditSubjectsOf =>
    ({ result }) => {
      const id = idOf(result) ?? idOf(obj(result)?.['request']);
      return { clientIds: [clientOf(result)], [kind]: id ? [id] : [] };
    },
  /** Records named in the body (`watchId`, or a list such as `watchIds`), plus the answer's client. */
  bodyRecords:
    (kind: RecordKind, field: string): AuditSubjectsOf =>
    ({ body, result }) => {
      const value = obj(body)?.[field];
      return { clientIds: [clientOf(result)], [kind]: typeof value === 'string' ? [value] : texts(value) };
    },
  /** A body's `clientId` (e.g. a new watch), plus the answer's client. */
  bodyClient:
    (field = 'clientId'): AuditSubjectsOf =>
    ({ body, result }) => ({ clientIds: [text(obj(body)?.[field]), clientOf(result)] }),
  /** A list of candidate clients (`clientId` per row), plus the `:id` record. */
  candidates:
    (kind: RecordKind): AuditSubjectsOf =>
    ({ params, result }) => ({
      clientIds: rowsOf(result).map(clientOf),
      [kind]: params['id'] ? [params['id']] : [],
    }),
  /** Nothing beyond what a service names through AuditScope.identify. */
  none: ((): AuditSubjects => ({})) as AuditSubjectsOf,
};
