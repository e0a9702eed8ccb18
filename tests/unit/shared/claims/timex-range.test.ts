import { describe, expect, it } from 'vitest';
import { dayRange, relate } from '../../../../shared/claims/timex-range.js';

const day = (value: string) => Math.floor(Date.parse(`${value}T00:00:00Z`) / 86_400_000);

describe('TIMEX3 values as stretches of days', () => {
  it('read days, ISO weeks, months, quarters and years', () => {
    expect(dayRange('2020-03-29')).toEqual({ first: day('2020-03-29'), last: day('2020-03-29'), granularity: 'day' });
    expect(dayRange('2020-03-29T14:00')).toMatchObject({ granularity: 'day', first: day('2020-03-29') });
    // ISO week 12 of 2020: Monday 16 to Sunday 22 March; week 1 of 2021 starts on 4 January.
    expect(dayRange('2020-W12')).toEqual({ first: day('2020-03-16'), last: day('2020-03-22'), granularity: 'week' });
    expect(dayRange('2021-W01')).toMatchObject({ first: day('2021-01-04') });
    expect(dayRange('2020-02')).toEqual({ first: day('2020-02-01'), last: day('2020-02-29'), granularity: 'month' });
    expect(dayRange('2020-Q2')).toEqual({ first: day('2020-04-01'), last: day('2020-06-30'), granularity: 'quarter' });
    expect(dayRange('2019')).toEqual({ first: day('2019-01-01'), last: day('2019-12-31'), granularity: 'year' });
  });

  it('have no range for what is not a stretch of the calendar', () => {
    for (const value of ['P1W', 'PRESENT_REF', 'PAST_REF', 'XXXX-03-29', '2020-13', '2020-W60', '2020-SU', '', '0099']) expect(dayRange(value), value).toBeNull();
  });

  it('relate as the same, one within the other, or apart', () => {
    const range = (value: string) => dayRange(value) as NonNullable<ReturnType<typeof dayRange>>;
    expect(relate(range('2020-03-29'), range('2020-03-29'))).toBe('same');
    expect(relate(range('2020-03-17'), range('2020-W12'))).toBe('within');
    expect(relate(range('2020-03'), range('2020-03-29'))).toBe('within');
    expect(relate(range('2020-03-26'), range('2020-03-29'))).toBe('apart');
    // A week across two months is inside neither.
    expect(relate(range('2020-W14'), range('2020-03'))).toBe('apart');
  });
});
