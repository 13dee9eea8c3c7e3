import type { CaseloadRow } from '@waakvlam/contracts';
import type { Message } from '../../shared/forms/form-messages';

/**
 * A caseworker's absence in words: "afwezig t/m 12 dec." when she is absent today, "afwezig 3 jan. t/m 5 jan."
 * for the next one, null when none. `day` formats a date short (DateFormatService.dayMonth).
 */
export function absenceMessage(row: CaseloadRow, day: (date: string) => string): Message | null {
  if (!row.absence) return null;
  return row.absentToday
    ? { key: 'caseloadBalance.absentUntil', params: { until: day(row.absence.endsOn) } }
    : {
        key: 'caseloadBalance.absentFrom',
        params: { from: day(row.absence.startsOn), until: day(row.absence.endsOn) },
      };
}
