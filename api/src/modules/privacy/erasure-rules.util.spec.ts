import { AppConfig } from '../../core/config/app.config';
import { type ErasureFacts, erasureRefusals, retentionDue, retentionDueAt } from './erasure-rules.util';

const NOW = new Date('2031-06-15T10:00:00Z');
const daysAgo = (days: number): Date => new Date(NOW.getTime() - days * 86_400_000);

const facts = (overrides: Partial<ErasureFacts> = {}): ErasureFacts => ({
  anonymisedAt: null,
  updatedAt: daysAgo(10),
  watches: [{ status: 'ended', endedAt: daysAgo(30), reopenPeriodMonths: 12 }],
  openReactivations: 0,
  openSignals: 0,
  careFileRetentionYears: 0,
  ...overrides,
});

describe('erasure rules', () => {
  it('allow erasure of a client whose watch ended, without a care-file retention', () => {
    expect(erasureRefusals(facts(), NOW)).toEqual([]);
  });

  it('allow erasure of a client who never had a watch', () => {
    expect(erasureRefusals(facts({ watches: [] }), NOW)).toEqual([]);
  });

  it.each(['active', 'paused', 'lapsed', 'reactivated'] as const)(
    'refuse while a watch is %s: the care relationship goes on',
    (status) => {
      const refusals = erasureRefusals(
        facts({
          watches: [
            { status: 'ended', endedAt: daysAgo(400), reopenPeriodMonths: 12 },
            { status, endedAt: null, reopenPeriodMonths: 12 },
          ],
        }),
        NOW,
      );
      expect(refusals).toEqual([{ code: 'care_ongoing' }]);
    },
  );

  it('refuse while a reactivation request or a partner signal is open, naming every reason', () => {
    expect(erasureRefusals(facts({ openReactivations: 1, openSignals: 2 }), NOW)).toEqual([
      { code: 'reactivation_open' },
      { code: 'signal_open' },
    ]);
  });

  it("refuse while the organisation's care-file retention runs, counted from the last watch's end", () => {
    const ended = new Date('2030-01-31T12:00:00Z');
    const refusals = erasureRefusals(
      facts({
        careFileRetentionYears: 2,
        watches: [
          { status: 'ended', endedAt: new Date('2025-01-01T00:00:00Z'), reopenPeriodMonths: 12 },
          { status: 'ended', endedAt: ended, reopenPeriodMonths: 12 },
        ],
      }),
      NOW,
    );
    expect(refusals).toEqual([{ code: 'retention_period', retainUntil: '2032-01-31T12:00:00.000Z' }]);
    // On the moment itself it is allowed.
    expect(
      erasureRefusals(
        facts({
          careFileRetentionYears: 2,
          watches: [{ status: 'ended', endedAt: ended, reopenPeriodMonths: 0 }],
        }),
        new Date('2032-01-31T12:00:00Z'),
      ),
    ).toEqual([]);
  });

  it('refuse a second erasure of an anonymised client', () => {
    expect(erasureRefusals(facts({ anonymisedAt: daysAgo(1), openSignals: 1 }), NOW)).toEqual([
      { code: 'already_anonymised' },
    ]);
  });
});

describe('the retention job rule', () => {
  const policy = { retentionMonths: 24 };

  it('anonymises two years after the last watch ended, not a day before', () => {
    const watches = [
      { status: 'ended' as const, endedAt: new Date('2029-06-15T10:00:00Z'), reopenPeriodMonths: 12 },
      { status: 'ended' as const, endedAt: new Date('2029-06-16T09:00:00Z'), reopenPeriodMonths: 12 },
    ];
    expect(retentionDueAt(facts({ watches }), policy)).toEqual(new Date('2031-06-16T09:00:00Z'));
    expect(retentionDue(facts({ watches }), policy, NOW)).toBe(false);
    expect(retentionDue(facts({ watches }), policy, new Date('2031-06-16T09:00:00Z'))).toBe(true);
  });

  it('waits for a longer reopen period and for the care-file retention', () => {
    const endedAt = new Date('2028-01-10T00:00:00Z');
    expect(
      retentionDueAt(facts({ watches: [{ status: 'ended', endedAt, reopenPeriodMonths: 60 }] }), policy),
    ).toEqual(new Date('2033-01-10T00:00:00Z'));
    expect(
      retentionDueAt(
        facts({
          careFileRetentionYears: 20,
          watches: [{ status: 'ended', endedAt, reopenPeriodMonths: 12 }],
        }),
        policy,
      ),
    ).toEqual(new Date('2048-01-10T00:00:00Z'));
  });

  it('never anonymises while care goes on, and counts a client without watches from the last change', () => {
    expect(
      retentionDueAt(
        facts({ watches: [{ status: 'paused', endedAt: null, reopenPeriodMonths: 12 }] }),
        policy,
      ),
    ).toBeNull();
    expect(retentionDueAt(facts({ openSignals: 1 }), policy)).toBeNull();
    expect(
      retentionDueAt(facts({ watches: [], updatedAt: new Date('2029-06-15T10:00:00Z') }), policy),
    ).toEqual(NOW);
    expect(
      retentionDue(facts({ watches: [], updatedAt: new Date('2029-06-15T10:00:00Z') }), policy, NOW),
    ).toBe(true);
    expect(retentionDue(facts({ watches: [], anonymisedAt: daysAgo(1) }), policy, NOW)).toBe(false);
  });
});

describe('the privacy settings', () => {
  it('default to 24 months of retention and no care-file retention, and are validated', () => {
    const config = AppConfig.fromEnv({});
    expect(config.clientRetentionMonths).toBe(24);
    expect(config.careFileRetentionYears).toBe(0);
    expect(AppConfig.fromEnv({ CARE_FILE_RETENTION_YEARS: '20' }).careFileRetentionYears).toBe(20);
    expect(() =>
      AppConfig.fromEnv({ CLIENT_RETENTION_MONTHS: '0', CARE_FILE_RETENTION_YEARS: '31' }),
    ).toThrow(
      /CLIENT_RETENTION_MONTHS must be a whole number from 1 to 600[\s\S]*CARE_FILE_RETENTION_YEARS must be a whole number from 0 to 30/,
    );
  });
});
