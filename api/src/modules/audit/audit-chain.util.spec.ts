import {
  AUDIT_GENESIS_HASH,
  type AuditChainRow,
  auditEventHash,
  canonicalAuditEvent,
} from './audit-chain.util';

const row: AuditChainRow = {
  organisation_id: '11111111-1111-4111-8111-111111111111',
  seq: '1',
  id: '22222222-2222-4222-8222-222222222222',
  occurred_at: '2026-03-02T08:15:00.123456Z',
  action: 'read',
  outcome: 'success',
  user_id: '33333333-3333-4333-8333-333333333333',
  role: 'caseworker',
  on_behalf_of_user_id: null,
  purpose: 'care',
  client_ids: '44444444-4444-4444-8444-444444444444',
  resource: 'clients.read',
  ip: '127.0.0.1',
  user_agent: 'Café|browser',
  source: 'console',
  details: null,
  prev_hash: AUDIT_GENESIS_HASH,
};

describe('the canonical serialisation of an audit event', () => {
  it('writes the version, then every field as <bytes>:<text> in a fixed order, null as -', () => {
    expect(canonicalAuditEvent(row)).toBe(
      'waakvlam-audit-v1|36:11111111-1111-4111-8111-111111111111|1:1|36:22222222-2222-4222-8222-222222222222|' +
        '27:2026-03-02T08:15:00.123456Z|4:read|7:success|36:33333333-3333-4333-8333-333333333333|10:caseworker|-|' +
        '4:care|36:44444444-4444-4444-8444-444444444444|12:clients.read|9:127.0.0.1|13:Café|browser|7:console|-|' +
        `64:${AUDIT_GENESIS_HASH}`,
    );
  });

  it('tells an empty text from a missing one, and a separator inside a value from one between fields', () => {
    expect(canonicalAuditEvent({ ...row, purpose: '' })).not.toBe(
      canonicalAuditEvent({ ...row, purpose: null }),
    );
    expect(canonicalAuditEvent({ ...row, role: 'a|4:b', purpose: null })).not.toBe(
      canonicalAuditEvent({ ...row, role: 'a', purpose: 'b' }),
    );
  });

  it('hashes it with sha256 (hex), and every field and the previous hash change the hash', () => {
    const hash = auditEventHash(row);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(auditEventHash({ ...row }));
    for (const [name, value] of [
      ['seq', '2'],
      ['occurred_at', '2026-03-02T08:15:00.123457Z'],
      ['client_ids', ''],
      ['details', '{"rows": 1}'],
      ['prev_hash', 'f'.repeat(64)],
    ] as const) {
      expect(auditEventHash({ ...row, [name]: value })).not.toBe(hash);
    }
  });
});
