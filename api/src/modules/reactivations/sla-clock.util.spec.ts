import { WorkingCalendar } from '@waakvlam/schedule';
import { addWorkingHours, slaDeadlines } from './sla-clock.util';

const amsterdam = new WorkingCalendar({ timeZone: 'Europe/Amsterdam', extraDaysOff: ['2031-05-16'] });
const day = { start: '09:00', end: '17:00' };
/** A local Amsterdam time as an instant (CEST in May 2031: UTC+2; CET in January: UTC+1). */
const local = (date: string, time: string): Date => amsterdam.instantAt(date, time);

describe('working-hours SLA clock', () => {
  it('counts within one working day', () => {
    // Tuesday 13 May 2031, 10:15 + 4 h = 14:15.
    expect(addWorkingHours(amsterdam, local('2031-05-13', '10:15'), 4, day)).toEqual(
      local('2031-05-13', '14:15'),
    );
    expect(addWorkingHours(amsterdam, local('2031-05-13', '10:15'), 4, day).toISOString()).toBe(
      '2031-05-13T12:15:00.000Z',
    );
  });

  it('carries what is left of the day over to the next working day, ending exactly at closing when it fits', () => {
    expect(addWorkingHours(amsterdam, local('2031-05-13', '15:00'), 4, day)).toEqual(
      local('2031-05-14', '11:00'),
    );
    expect(addWorkingHours(amsterdam, local('2031-05-13', '13:00'), 4, day)).toEqual(
      local('2031-05-13', '17:00'),
    );
  });

  it('starts at the next opening when asked outside working hours', () => {
    expect(addWorkingHours(amsterdam, local('2031-05-13', '07:30'), 2, day)).toEqual(
      local('2031-05-13', '11:00'),
    );
    expect(addWorkingHours(amsterdam, local('2031-05-13', '19:00'), 2, day)).toEqual(
      local('2031-05-14', '11:00'),
    );
  });

  it('skips weekends, public holidays and the organisation’s own days off', () => {
    // Friday 16:00 + 4 h: one hour on Friday, three on Monday.
    expect(addWorkingHours(amsterdam, local('2031-01-10', '16:00'), 4, day)).toEqual(
      local('2031-01-13', '12:00'),
    );
    // Saturday: the clock starts on Monday at 09:00.
    expect(addWorkingHours(amsterdam, local('2031-01-11', '12:00'), 4, day)).toEqual(
      local('2031-01-13', '13:00'),
    );
    // Wednesday 21 May 2031 16:00 + 4 h: Thursday 22 May is Ascension Day (a public holiday).
    expect(addWorkingHours(amsterdam, local('2031-05-21', '16:00'), 4, day)).toEqual(
      local('2031-05-23', '12:00'),
    );
    // Thursday 15 May 2031 16:00 + 4 h: Friday 16 May is an extra day off of the organisation.
    expect(addWorkingHours(amsterdam, local('2031-05-15', '16:00'), 4, day)).toEqual(
      local('2031-05-19', '12:00'),
    );
  });

  it('counts two working days of 8 hours as the normal deadline, and half of it as the reminder', () => {
    const settings = { calendar: amsterdam, workingHours: day, urgentHours: 4, normalHours: 16 };
    // Monday 12 May 2031 10:00: normal due Wednesday 10:00, half at Tuesday 10:00.
    expect(slaDeadlines(settings, local('2031-05-12', '10:00'), 'normal')).toEqual({
      halfAt: local('2031-05-13', '10:00'),
      dueAt: local('2031-05-14', '10:00'),
    });
    expect(slaDeadlines(settings, local('2031-05-12', '10:00'), 'urgent')).toEqual({
      halfAt: local('2031-05-12', '12:00'),
      dueAt: local('2031-05-12', '14:00'),
    });
    // An odd number of hours: half of 3 h from 16:00 is one hour on Monday and half an hour on Tuesday.
    expect(slaDeadlines({ ...settings, urgentHours: 3 }, local('2031-05-12', '16:00'), 'urgent')).toEqual({
      halfAt: local('2031-05-13', '09:30'),
      dueAt: local('2031-05-13', '11:00'),
    });
  });

  it('honours other working hours and keeps wall-clock time across a DST change', () => {
    // Friday 28 March 2031 (CET) 15:00, 08:30–16:30: 1.5 h on Friday, 2.5 h on Monday 31 March (CEST).
    expect(
      addWorkingHours(amsterdam, local('2031-03-28', '15:00'), 4, { start: '08:30', end: '16:30' }),
    ).toEqual(local('2031-03-31', '11:00'));
    expect(local('2031-03-31', '11:00').toISOString()).toBe('2031-03-31T09:00:00.000Z');
  });

  it('refuses a negative number of hours', () => {
    expect(() => addWorkingHours(amsterdam, local('2031-05-13', '10:00'), -1, day)).toThrow(RangeError);
  });
});
