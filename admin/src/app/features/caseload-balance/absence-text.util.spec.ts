import type { CaseloadRow } from '@waakvlam/contracts';
import { aCaseloadRow } from '../../../testing/caseload-fixtures';
import { absenceMessage } from './absence-text.util';

describe('absenceMessage', () => {
  const row = (extra: Partial<CaseloadRow>): CaseloadRow =>
    aCaseloadRow({ id: 'u1', displayName: 'Anna de Vries' }, extra);
  const day = (date: string): string => `<${date}>`;

  it('says until when she is absent today', () => {
    expect(
      absenceMessage(
        row({ absentToday: true, absence: { startsOn: '2026-12-01', endsOn: '2026-12-12' } }),
        day,
      ),
    ).toEqual({ key: 'caseloadBalance.absentUntil', params: { until: '<2026-12-12>' } });
  });

  it('says from and until for the next absence, and nothing without one', () => {
    expect(absenceMessage(row({ absence: { startsOn: '2027-01-03', endsOn: '2027-01-05' } }), day)).toEqual({
      key: 'caseloadBalance.absentFrom',
      params: { from: '<2027-01-03>', until: '<2027-01-05>' },
    });
    expect(absenceMessage(row({}), day)).toBeNull();
  });
});
