import type { ReactivationRequest } from '@waakvlam/contracts';
import { durationMessage, slaState } from './sla.util';

const NOW = Date.parse('2031-03-03T10:00:00Z');
const HOUR = 3_600_000;

function request(
  overrides: Partial<Pick<ReactivationRequest, 'status' | 'slaDueAt' | 'slaBreached' | 'contactedAt'>> = {},
) {
  return {
    status: 'open' as const,
    slaDueAt: new Date(NOW + 3 * HOUR + 20 * 60_000).toISOString(),
    slaBreached: false,
    contactedAt: null,
    ...overrides,
  };
}

describe('durationMessage', () => {
  it.each([
    [30_000, { key: 'duration.minutes', params: { minutes: 1 } }],
    [12 * 60_000, { key: 'duration.minutes', params: { minutes: 12 } }],
    [3 * HOUR + 20 * 60_000, { key: 'duration.hoursMinutes', params: { hours: 3, minutes: 20 } }],
    [-(2 * 24 + 5) * HOUR, { key: 'duration.daysHours', params: { days: 2, hours: 5 } }],
  ])('%s ms → %o', (ms, expected) => {
    expect(durationMessage(ms)).toEqual(expected);
  });
});

describe('slaState', () => {
  it('counts down to the deadline while nobody has made contact', () => {
    expect(slaState(request(), NOW)).toEqual({
      kind: 'running',
      breached: false,
      key: 'reactivations.sla.left',
      time: { key: 'duration.hoursMinutes', params: { hours: 3, minutes: 20 } },
    });
    expect(slaState(request({ status: 'accepted' }), NOW).kind).toBe('running');
  });

  it('turns red and counts the time over once the deadline passed', () => {
    const state = slaState(request({ slaDueAt: new Date(NOW - 12 * 60_000).toISOString() }), NOW);
    expect(state).toEqual({
      kind: 'overdue',
      breached: true,
      key: 'reactivations.sla.overdue',
      time: { key: 'duration.minutes', params: { minutes: 12 } },
    });
  });

  it('believes the API when it says the deadline was breached', () => {
    expect(slaState(request({ slaBreached: true }), NOW)).toMatchObject({ kind: 'overdue', breached: true });
  });

  it('after the first contact says whether it was in time', () => {
    const contactedAt = new Date(NOW).toISOString();
    expect(slaState(request({ status: 'contacted', contactedAt }), NOW)).toMatchObject({
      kind: 'met',
      breached: false,
      key: 'reactivations.sla.met',
    });
    expect(slaState(request({ status: 'resolved', contactedAt, slaBreached: true }), NOW)).toMatchObject({
      kind: 'missed',
      breached: true,
      key: 'reactivations.sla.missed',
    });
  });

  it('stops for a request cancelled before any contact', () => {
    expect(slaState(request({ status: 'cancelled' }), NOW)).toMatchObject({
      kind: 'stopped',
      breached: false,
    });
  });
});
