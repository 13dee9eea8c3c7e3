import { checkInTimelinessConditionSql, checkInTimelinessSql } from './check-in-timeliness.util';

const squash = (sql: string): string => sql.replace(/\s+/g, ' ').trim();

describe('the SQL classifying a check-in by timeliness', () => {
  it('compares the local day of completion with the due date, in the given time zone', () => {
    const sql = squash(checkInTimelinessSql('c', 'o.time_zone'));
    expect(sql).toBe(
      "(CASE c.status WHEN 'done' THEN CASE WHEN (c.completed_at AT TIME ZONE o.time_zone)::date <= c.due_date " +
        "THEN 'on_time' ELSE 'late' END WHEN 'missed' THEN 'missed' WHEN 'planned' THEN 'open' ELSE NULL END)",
    );
  });

  it('gives one condition per value, each matching only its own status', () => {
    expect(squash(checkInTimelinessConditionSql('ci', '$2', 'on_time'))).toBe(
      "(ci.status = 'done' AND (ci.completed_at AT TIME ZONE $2)::date <= ci.due_date)",
    );
    expect(squash(checkInTimelinessConditionSql('ci', '$2', 'late'))).toBe(
      "(ci.status = 'done' AND (ci.completed_at AT TIME ZONE $2)::date > ci.due_date)",
    );
    expect(checkInTimelinessConditionSql('ci', '$2', 'missed')).toBe("ci.status = 'missed'");
    expect(checkInTimelinessConditionSql('ci', '$2', 'open')).toBe("ci.status = 'planned'");
  });

  it('refuses an alias or a value that could smuggle SQL in', () => {
    expect(() => checkInTimelinessSql('c; DROP TABLE x', '$1')).toThrow('Not a table alias');
    expect(() => checkInTimelinessConditionSql('c', '$1', 'soon' as never)).toThrow('Not a timeliness');
  });
});
