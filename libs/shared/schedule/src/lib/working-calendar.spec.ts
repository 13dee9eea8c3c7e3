import { WorkingCalendar } from './working-calendar';

/** One calendar per configuration for the whole file: holidays are cached per instance. */
const nl = new WorkingCalendar();
const nlWithLiberationDay = new WorkingCalendar({ extraDaysOff: ['2025-05-05', '2026-05-05'] });
const curacao = new WorkingCalendar({ timeZone: 'America/Curacao', country: 'CW' });

describe('WorkingCalendar', () => {
  describe('construction', () => {
    it('defaults to Europe/Amsterdam and the Dutch public holidays', () => {
      expect(nl.timeZone).toBe('Europe/Amsterdam');
      expect(nl.country).toBe('NL');
      expect(nl.isWorkingDay('2025-12-25')).toBe(false);
    });

    it('accepts a lower-case country code', () => {
      expect(new WorkingCalendar({ country: 'nl' }).country).toBe('NL');
    });

    it.each([['Europe/Atlantis'], [''], ['CET+1']])(
      'rejects the time zone %p with a RangeError',
      (timeZone) => {
        expect(() => new WorkingCalendar({ timeZone })).toThrow(RangeError);
        expect(() => new WorkingCalendar({ timeZone })).toThrow(/time zone/);
      },
    );

    it('rejects an unknown country', () => {
      expect(() => new WorkingCalendar({ country: 'XX' })).toThrow(RangeError);
    });

    it('rejects a malformed extra day off', () => {
      expect(() => new WorkingCalendar({ extraDaysOff: ['5 mei'] })).toThrow(RangeError);
    });
  });

  describe('input validation', () => {
    it.each([
      ['2025-5-5'],
      ['2025-02-30'],
      ['2025-13-01'],
      ['20250505'],
      ['2025-05-05T00:00'],
      [''],
      [' 2025-05-05'],
    ])('rejects the date %p with a RangeError', (date) => {
      expect(() => nl.isWorkingDay(date)).toThrow(RangeError);
      expect(() => nl.nextWorkingDay(date)).toThrow(RangeError);
      expect(() => nl.nextDueDate(date, 7)).toThrow(RangeError);
      expect(() => nl.addWorkingDays(date, 1)).toThrow(RangeError);
      expect(() => nl.addMonths(date, 1)).toThrow(RangeError);
      expect(() => nl.instantAt(date, '09:00')).toThrow(RangeError);
    });

    it.each([['7:30'], ['24:00'], ['07:60'], ['07:30:00'], ['0730'], ['']])('rejects the time %p', (time) => {
      expect(() => nl.instantAt('2025-06-02', time)).toThrow(RangeError);
    });

    it('rejects an invalid Date in today()', () => {
      expect(() => nl.today(new Date('not a date'))).toThrow(RangeError);
    });

    it('rejects non-integer or negative intervals and non-integer counts', () => {
      expect(() => nl.nextDueDate('2025-06-02', -1)).toThrow(RangeError);
      expect(() => nl.nextDueDate('2025-06-02', 1.5)).toThrow(RangeError);
      expect(() => nl.nextDueDate('2025-06-02', Number.NaN)).toThrow(RangeError);
      expect(() => nl.addWorkingDays('2025-06-02', 0.5)).toThrow(RangeError);
      expect(() => nl.addMonths('2025-06-02', Number.POSITIVE_INFINITY)).toThrow(RangeError);
    });
  });

  describe('public holidays only (NL)', () => {
    it.each([
      ['2025-01-01', 'Nieuwjaar'],
      ['2025-04-21', 'Tweede paasdag'],
      ['2025-05-29', 'Hemelvaartsdag'],
      ['2025-06-09', 'Tweede pinksterdag'],
      ['2025-12-25', 'Kerstmis'],
      ['2025-12-26', 'Tweede kerstdag'],
      ['2026-04-06', 'Tweede paasdag'],
      ['2026-05-14', 'Hemelvaartsdag'],
      ['2026-05-25', 'Tweede pinksterdag'],
    ])('%s (%s) is a day off', (date) => {
      expect(nl.isWorkingDay(date)).toBe(false);
    });

    it.each([
      ['2025-04-18', 'Goede Vrijdag (school)'],
      ['2025-05-05', 'Bevrijdingsdag (school)'],
      ['2026-05-04', 'Dodenherdenking (observance, a Monday in 2026)'],
      ['2025-12-05', 'Sinterklaasavond (observance)'],
      ['2025-12-31', 'Oudejaarsavond (bank)'],
      ['2025-05-30', 'Friday after Ascension'],
    ])('%s (%s) is a working day', (date) => {
      expect(nl.isWorkingDay(date)).toBe(true);
    });

    it('treats Saturdays and Sundays as days off', () => {
      expect(nl.isWorkingDay('2025-06-07')).toBe(false);
      expect(nl.isWorkingDay('2025-06-14')).toBe(false);
      expect(nl.isWorkingDay('2025-06-15')).toBe(false);
      expect(nl.isWorkingDay('2025-06-16')).toBe(true);
    });
  });

  describe('Koningsdag', () => {
    it('2025: 27 April is a Sunday, so the holiday is Saturday 26 April and Monday 28 April is a working day', () => {
      expect(nl.isWorkingDay('2025-04-26')).toBe(false);
      expect(nl.isWorkingDay('2025-04-27')).toBe(false);
      expect(nl.isWorkingDay('2025-04-28')).toBe(true);
      expect(nl.nextDueDate('2025-04-19', 7)).toBe('2025-04-28');
      expect(nl.nextWorkingDay('2025-04-26')).toBe('2025-04-28');
    });

    it('2026: Monday 27 April is a day off', () => {
      expect(nl.isWorkingDay('2026-04-27')).toBe(false);
      expect(nl.nextDueDate('2026-04-20', 7)).toBe('2026-04-28');
      expect(nl.addWorkingDays('2026-04-24', 1)).toBe('2026-04-28');
    });
  });

  describe('Easter, Ascension and Whitsun', () => {
    it('Easter Monday 2025 moves a due date to Tuesday', () => {
      expect(nl.nextDueDate('2025-04-14', 7)).toBe('2025-04-22');
      expect(nl.nextDueDate('2025-04-11', 7)).toBe('2025-04-18'); // Goede Vrijdag is no public holiday
      expect(nl.addWorkingDays('2025-04-17', 2)).toBe('2025-04-22');
    });

    it('Ascension 2025 (Thursday 29 May) moves a due date to Friday', () => {
      expect(nl.nextDueDate('2025-05-22', 7)).toBe('2025-05-30');
      expect(nl.addWorkingDays('2025-05-28', 1)).toBe('2025-05-30');
    });

    it('Whit Monday 2025 (9 June) moves a due date to Tuesday', () => {
      expect(nl.nextDueDate('2025-06-02', 7)).toBe('2025-06-10');
      expect(nl.nextWorkingDay('2025-06-07')).toBe('2025-06-10');
    });
  });

  describe('Christmas and New Year', () => {
    it('a due date of 2025-12-25 lands on Monday 29 December (25–26 holidays, 27–28 weekend)', () => {
      expect(nl.nextDueDate('2025-12-18', 7)).toBe('2025-12-29');
      expect(nl.nextWorkingDay('2025-12-25')).toBe('2025-12-29');
      expect(nl.addWorkingDays('2025-12-24', 1)).toBe('2025-12-29');
    });

    it('New Year 2026 (Thursday) moves a due date to Friday 2 January, across the year boundary', () => {
      expect(nl.nextDueDate('2025-12-25', 7)).toBe('2026-01-02');
      expect(nl.isWorkingDay('2025-12-31')).toBe(true);
      expect(nl.addWorkingDays('2025-12-31', 1)).toBe('2026-01-02');
      expect(nl.addWorkingDays('2026-01-02', -1)).toBe('2025-12-31');
    });
  });

  describe('Bevrijdingsdag as an extra day off', () => {
    it('is a working day by default and a day off when the organisation lists it', () => {
      expect(nl.isWorkingDay('2025-05-05')).toBe(true);
      expect(nlWithLiberationDay.isWorkingDay('2025-05-05')).toBe(false);
      expect(nlWithLiberationDay.nextDueDate('2025-04-28', 7)).toBe('2025-05-06');
      expect(nl.nextDueDate('2025-04-28', 7)).toBe('2025-05-05');
    });

    it('keeps the public holidays and weekends', () => {
      expect(nlWithLiberationDay.isWorkingDay('2025-05-29')).toBe(false);
      expect(nlWithLiberationDay.nextWorkingDay('2026-05-02')).toBe('2026-05-04');
      expect(nlWithLiberationDay.addWorkingDays('2026-05-04', 1)).toBe('2026-05-06');
    });
  });

  describe('daylight saving time weeks (Europe/Amsterdam)', () => {
    it.each([
      ['2025-03-30', '2025-03-24', '2025-03-31', '2025-04-07'], // last Sunday of March 2025
      ['2025-10-26', '2025-10-20', '2025-10-27', '2025-11-03'], // last Sunday of October 2025
      ['2026-03-29', '2026-03-23', '2026-03-30', '2026-04-07'], // last Sunday of March 2026; 6 April is Easter Monday
      ['2026-10-25', '2026-10-19', '2026-10-26', '2026-11-02'], // last Sunday of October 2026
    ])('across %s due dates stay on whole calendar days', (_sunday, monday, nextMonday, dueInTwoWeeks) => {
      expect(nl.nextDueDate(monday, 7)).toBe(nextMonday);
      expect(nl.nextDueDate(monday, 14)).toBe(dueInTwoWeeks);
      expect(nl.nextDueDate(monday, 1)).toBe(nl.addWorkingDays(monday, 1));
      expect(nl.addWorkingDays(monday, 5)).toBe(nextMonday);
    });

    it.each([['2025-03-30'], ['2025-10-26'], ['2026-03-29'], ['2026-10-25']])(
      'counts whole calendar days for every weekday start and interval around %s',
      (sunday) => {
        // Any 23- or 25-hour day counted as 24 hours would land on the wrong date for some start and interval.
        const [year, month, dayOfMonth] = sunday.split('-').map(Number);
        const date = (offset: number) =>
          new Date(Date.UTC(year, month - 1, dayOfMonth + offset)).toISOString().slice(0, 10);
        for (let start = -6; start <= 0; start++) {
          for (let interval = 1; interval <= 14; interval++) {
            expect(nl.nextDueDate(date(start), interval)).toBe(nl.nextWorkingDay(date(start + interval)));
          }
        }
        expect(nl.nextDueDate(date(-4), 7)).toBe(date(3)); // Wednesday to Wednesday
        expect(nl.nextDueDate(date(-5), 7)).toBe(date(2)); // Tuesday to Tuesday
      },
    );

    it.each([
      ['2025-03-29', '07:30', '2025-03-29T06:30:00.000Z'], // CET, the day before spring-forward
      ['2025-03-30', '07:30', '2025-03-30T05:30:00.000Z'], // CEST from 02:00 that Sunday
      ['2025-03-30', '00:30', '2025-03-29T23:30:00.000Z'], // still CET before the change
      ['2025-10-25', '07:30', '2025-10-25T05:30:00.000Z'], // CEST, the day before fall-back
      ['2025-10-26', '07:30', '2025-10-26T06:30:00.000Z'], // CET again
      ['2026-03-29', '09:00', '2026-03-29T07:00:00.000Z'],
      ['2026-10-25', '09:00', '2026-10-25T08:00:00.000Z'],
      ['2025-06-30', '23:59', '2025-06-30T21:59:00.000Z'],
      ['2025-01-01', '00:00', '2024-12-31T23:00:00.000Z'],
    ])('instantAt(%s, %s) is %s', (date, time, expected) => {
      expect(nl.instantAt(date, time).toISOString()).toBe(expected);
    });

    it('moves a wall-clock time in the spring-forward gap forward by the gap', () => {
      expect(nl.instantAt('2025-03-30', '02:30').toISOString()).toBe('2025-03-30T01:30:00.000Z'); // 03:30 CEST
      expect(nl.instantAt('2025-03-30', '02:00').toISOString()).toBe('2025-03-30T01:00:00.000Z'); // 03:00 CEST
      expect(nl.instantAt('2025-03-30', '03:00').toISOString()).toBe('2025-03-30T01:00:00.000Z');
    });

    it('takes the first occurrence of a wall-clock time that happens twice at fall-back', () => {
      expect(nl.instantAt('2025-10-26', '02:30').toISOString()).toBe('2025-10-26T00:30:00.000Z'); // 02:30 CEST
      expect(nl.instantAt('2025-10-26', '02:00').toISOString()).toBe('2025-10-26T00:00:00.000Z');
      expect(nl.instantAt('2025-10-26', '03:00').toISOString()).toBe('2025-10-26T02:00:00.000Z'); // CET
    });

    it('maps the instant back to the same date with today()', () => {
      for (const date of [
        '2025-03-29',
        '2025-03-30',
        '2025-03-31',
        '2025-10-26',
        '2026-03-29',
        '2026-10-25',
      ]) {
        expect(nl.today(nl.instantAt(date, '00:00'))).toBe(date);
        expect(nl.today(nl.instantAt(date, '23:59'))).toBe(date);
      }
    });
  });

  describe('today()', () => {
    it('switches date at midnight Amsterdam time, not at midnight UTC (summer, CEST)', () => {
      expect(nl.today(new Date('2025-06-30T21:59:59Z'))).toBe('2025-06-30');
      expect(nl.today(new Date('2025-06-30T22:00:00Z'))).toBe('2025-07-01');
    });

    it('switches date at 23:00 UTC in winter (CET)', () => {
      expect(nl.today(new Date('2025-12-31T22:59:59.999Z'))).toBe('2025-12-31');
      expect(nl.today(new Date('2025-12-31T23:00:00Z'))).toBe('2026-01-01');
    });

    it('uses the calendar time zone, not the process time zone', () => {
      expect(curacao.today(new Date('2025-07-01T03:59:59Z'))).toBe('2025-06-30');
      expect(curacao.today(new Date('2025-07-01T04:00:00Z'))).toBe('2025-07-01');
    });
  });

  describe('another zone and country: America/Curacao (UTC-4, no DST)', () => {
    it('has the same UTC offset on both sides of the European DST changes', () => {
      expect(curacao.instantAt('2025-03-29', '07:30').toISOString()).toBe('2025-03-29T11:30:00.000Z');
      expect(curacao.instantAt('2025-03-30', '07:30').toISOString()).toBe('2025-03-30T11:30:00.000Z');
      expect(curacao.instantAt('2025-10-26', '07:30').toISOString()).toBe('2025-10-26T11:30:00.000Z');
      expect(curacao.instantAt('2025-12-31', '23:00').toISOString()).toBe('2026-01-01T03:00:00.000Z');
    });

    it("uses Curaçao's public holidays, not the Dutch ones", () => {
      expect(curacao.isWorkingDay('2025-04-18')).toBe(false); // Goede Vrijdag is public on Curaçao
      expect(curacao.isWorkingDay('2025-03-03')).toBe(false); // Carnavalsmaandag
      expect(curacao.isWorkingDay('2025-07-02')).toBe(false); // Dag van het volkslied en de Vlag
      expect(curacao.isWorkingDay('2025-06-09')).toBe(true); // no Tweede pinksterdag there
      expect(curacao.nextDueDate('2025-04-11', 7)).toBe('2025-04-22'); // Fri 18 + weekend + Mon 21 off
    });

    it('can combine a zone with another country', () => {
      const nlInCuracao = new WorkingCalendar({ timeZone: 'America/Curacao' });
      expect(nlInCuracao.isWorkingDay('2025-06-09')).toBe(false);
      expect(nlInCuracao.today(new Date('2025-06-30T22:00:00Z'))).toBe('2025-06-30');
    });
  });

  describe('addWorkingDays', () => {
    it('0 gives nextWorkingDay', () => {
      expect(nl.addWorkingDays('2025-06-04', 0)).toBe('2025-06-04');
      expect(nl.addWorkingDays('2025-06-07', 0)).toBe('2025-06-10');
    });

    it('counts from a day off: 1 working day after Saturday is the first working day', () => {
      expect(nl.addWorkingDays('2025-06-14', 1)).toBe('2025-06-16');
      expect(nl.addWorkingDays('2025-06-14', 2)).toBe('2025-06-17');
    });

    it('skips weekends and holidays, forward and backward', () => {
      expect(nl.addWorkingDays('2025-06-04', 3)).toBe('2025-06-10'); // Thu, Fri, (weekend, Whit Monday) Tue
      expect(nl.addWorkingDays('2025-06-10', -1)).toBe('2025-06-06');
      expect(nl.addWorkingDays('2025-06-10', -3)).toBe('2025-06-04');
    });
  });

  describe('addMonths', () => {
    it('adds calendar months, ignoring working days', () => {
      expect(nl.addMonths('2025-03-15', 12)).toBe('2026-03-15');
      expect(nl.addMonths('2025-12-25', 1)).toBe('2026-01-25');
      expect(nl.addMonths('2025-06-01', -6)).toBe('2024-12-01');
    });

    it('clamps to the last day of a shorter month', () => {
      expect(nl.addMonths('2025-01-31', 1)).toBe('2025-02-28');
      expect(nl.addMonths('2024-01-31', 1)).toBe('2024-02-29');
      expect(nl.addMonths('2024-02-29', 12)).toBe('2025-02-28');
      expect(nl.addMonths('2025-03-31', 1)).toBe('2025-04-30');
    });

    it('is not shifted by DST', () => {
      expect(nl.addMonths('2025-03-30', 7)).toBe('2025-10-30');
      expect(nl.addMonths('2025-10-26', 5)).toBe('2026-03-26');
    });
  });

  describe('nextDueDate', () => {
    it('keeps a due date that is already a working day', () => {
      expect(nl.nextDueDate('2025-06-02', 14)).toBe('2025-06-16');
    });

    it('with interval 0 gives nextWorkingDay(from)', () => {
      expect(nl.nextDueDate('2025-06-07', 0)).toBe('2025-06-10');
    });

    it('handles long intervals across years and leap days', () => {
      expect(nl.nextDueDate('2027-12-31', 60)).toBe('2028-02-29');
      expect(nl.nextDueDate('2025-01-02', 365)).toBe('2026-01-02');
    });
  });
});
