import fc from 'fast-check';

import { adaptInterval, CadenceSignal } from './adaptive-cadence';

const bounds = { min: 7, max: 28 };

describe('adaptInterval', () => {
  describe('named cases', () => {
    it('grows by half after 3 consecutive well (newest first)', () => {
      expect(adaptInterval(14, bounds, ['well', 'well', 'well'])).toEqual({
        intervalDays: 21,
        reason: 'three_consecutive_well',
      });
      expect(adaptInterval(9, bounds, ['well', 'well', 'well', 'concern'])).toEqual({
        intervalDays: 14, // Math.round(13.5); the older concern is history
        reason: 'three_consecutive_well',
      });
    });

    it('caps growth at max, and returns null when already at max', () => {
      expect(adaptInterval(21, bounds, ['well', 'well', 'well'])).toEqual({
        intervalDays: 28,
        reason: 'three_consecutive_well',
      });
      expect(adaptInterval(28, bounds, ['well', 'well', 'well'])).toBeNull();
    });

    it('halves on a concern as the newest signal, rounded', () => {
      expect(adaptInterval(28, bounds, ['concern'])).toEqual({ intervalDays: 14, reason: 'concern' });
      expect(adaptInterval(21, bounds, ['concern', 'well', 'well', 'well'])).toEqual({
        intervalDays: 11, // Math.round(10.5)
        reason: 'concern',
      });
    });

    it('floors a concern at min, and returns null when already at min', () => {
      expect(adaptInterval(10, bounds, ['concern'])).toEqual({ intervalDays: 7, reason: 'concern' });
      expect(adaptInterval(7, bounds, ['concern'])).toBeNull();
      expect(adaptInterval(1, { min: 1, max: 28 }, ['concern'])).toBeNull(); // Math.round(0.5) = 1
    });

    it('changes nothing without a trigger as the newest signal', () => {
      expect(adaptInterval(14, bounds, [])).toBeNull();
      expect(adaptInterval(14, bounds, ['well'])).toBeNull();
      expect(adaptInterval(14, bounds, ['well', 'well'])).toBeNull();
      expect(adaptInterval(14, bounds, ['other'])).toBeNull();
      expect(adaptInterval(14, bounds, ['other', 'well', 'well', 'well'])).toBeNull();
      expect(adaptInterval(14, bounds, ['well', 'other', 'well', 'well'])).toBeNull(); // other breaks the streak
      expect(adaptInterval(14, bounds, ['well', 'concern', 'concern'])).toBeNull(); // only the newest triggers
    });

    it('needs 3 new well after a growth when the caller passes only signals since the last change', () => {
      let interval = 7;
      let sinceChange: CadenceSignal[] = [];
      const history: number[] = [];
      for (let i = 0; i < 7; i++) {
        sinceChange = ['well', ...sinceChange];
        const change = adaptInterval(interval, bounds, sinceChange);
        if (change) {
          interval = change.intervalDays;
          sinceChange = [];
        }
        history.push(interval);
      }
      expect(history).toEqual([7, 7, 11, 11, 11, 17, 17]);
    });

    it('keeps a returned interval within bounds even when the current one is outside them', () => {
      expect(adaptInterval(60, bounds, ['concern'])).toEqual({ intervalDays: 28, reason: 'concern' });
      expect(adaptInterval(3, bounds, ['well', 'well', 'well'])).toEqual({
        intervalDays: 7,
        reason: 'three_consecutive_well',
      });
      expect(adaptInterval(3, bounds, ['concern'])).toBeNull(); // a concern never lengthens
      expect(adaptInterval(60, bounds, ['well', 'well', 'well'])).toBeNull(); // growth never shortens
    });

    it.each([
      [0, bounds],
      [1.5, bounds],
      [Number.NaN, bounds],
      [14, { min: 0, max: 28 }],
      [14, { min: 28, max: 7 }],
      [14, { min: 7, max: Number.POSITIVE_INFINITY }],
    ])('rejects interval %p with bounds %p', (interval, b) => {
      expect(() => adaptInterval(interval, b, ['well', 'well', 'well'])).toThrow(RangeError);
    });
  });

  describe('properties', () => {
    const signal = fc.constantFrom<CadenceSignal>('well', 'concern', 'other');
    const signals = fc.array(signal, { maxLength: 12 });
    const boundsArb = fc
      .record({ min: fc.integer({ min: 1, max: 60 }), extra: fc.integer({ min: 0, max: 300 }) })
      .map(({ min, extra }) => ({ min, max: min + extra }));
    const inBounds = boundsArb.chain((b) =>
      fc.record({ bounds: fc.constant(b), interval: fc.integer({ min: b.min, max: b.max }) }),
    );

    it('always stays within [min, max]', () => {
      fc.assert(
        fc.property(inBounds, signals, ({ bounds: b, interval }, recent) => {
          const next = adaptInterval(interval, b, recent)?.intervalDays ?? interval;
          expect(next).toBeGreaterThanOrEqual(b.min);
          expect(next).toBeLessThanOrEqual(b.max);
        }),
        { numRuns: 500 },
      );
    });

    it('returns an interval within [min, max] even for an out-of-bounds current interval', () => {
      fc.assert(
        fc.property(boundsArb, fc.integer({ min: 1, max: 1000 }), signals, (b, interval, recent) => {
          const change = adaptInterval(interval, b, recent);
          if (change) {
            expect(change.intervalDays).toBeGreaterThanOrEqual(b.min);
            expect(change.intervalDays).toBeLessThanOrEqual(b.max);
          }
        }),
        { numRuns: 500 },
      );
    });

    it('never increases on a concern; never decreases without one; null means no change', () => {
      fc.assert(
        fc.property(boundsArb, fc.integer({ min: 1, max: 1000 }), signals, (b, interval, recent) => {
          const change = adaptInterval(interval, b, recent);
          if (change === null) return;
          expect(change.intervalDays).not.toBe(interval);
          if (recent[0] === 'concern') {
            expect(change).toEqual({ intervalDays: expect.any(Number), reason: 'concern' });
            expect(change.intervalDays).toBeLessThan(interval);
          } else {
            expect(change.reason).toBe('three_consecutive_well');
            expect(recent.slice(0, 3)).toEqual(['well', 'well', 'well']);
            expect(change.intervalDays).toBeGreaterThan(interval);
          }
        }),
        { numRuns: 500 },
      );
    });

    it('applies the documented formulas: Math.round(x * 1.5) capped at max, Math.round(x / 2) floored at min', () => {
      fc.assert(
        fc.property(inBounds, signals, ({ bounds: b, interval }, recent) => {
          const next = adaptInterval(interval, b, recent)?.intervalDays ?? interval;
          if (recent[0] === 'concern') expect(next).toBe(Math.max(b.min, Math.round(interval / 2)));
          else if (recent.length >= 3 && recent.slice(0, 3).every((s) => s === 'well')) {
            expect(next).toBe(Math.min(b.max, Math.round(interval * 1.5)));
          } else expect(next).toBe(interval);
        }),
        { numRuns: 500 },
      );
    });

    it('under the caller contract, every growth follows 3 new consecutive well and every shrink a concern', () => {
      fc.assert(
        fc.property(
          inBounds,
          fc.array(signal, { maxLength: 40 }),
          ({ bounds: b, interval: start }, outcomes) => {
            let interval = start;
            let sinceChange: CadenceSignal[] = [];
            for (const outcome of outcomes) {
              sinceChange = [outcome, ...sinceChange];
              const change = adaptInterval(interval, b, sinceChange);
              if (!change) continue;
              if (change.reason === 'three_consecutive_well') {
                expect(sinceChange.slice(0, 3)).toEqual(['well', 'well', 'well']);
                expect(sinceChange.length).toBeGreaterThanOrEqual(3);
              } else {
                expect(outcome).toBe('concern');
              }
              interval = change.intervalDays;
              sinceChange = [];
              expect(adaptInterval(interval, b, sinceChange)).toBeNull();
            }
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});
