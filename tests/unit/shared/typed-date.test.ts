import { describe, expect, it } from 'vitest';
import { readTypedDate, spoken } from '../../../shared/text/typed-date.js';

describe('dates as people type them', () => {
  it('read the usual ways of writing a day into YYYY-MM-DD', () => {
    const read: Record<string, string> = {
      '2020-03-30': '2020-03-30',
      '2020/3/30': '2020-03-30',
      '30/03/2020': '2020-03-30',
      '30.3.2020': '2020-03-30',
      '03/30/2020': '2020-03-30',
      '5/5/2020': '2020-05-05',
      '30 March 2020': '2020-03-30',
      'March 30, 2020': '2020-03-30',
      'Mar. 30 2020': '2020-03-30',
      'Monday, 30 March 2020': '2020-03-30',
      '2020-03-30T08:15:00+03:00': '2020-03-30T08:15:00+03:00',
    };
    for (const [typed, value] of Object.entries(read)) expect(readTypedDate(typed), typed).toEqual({ ok: true, value });
  });

  it('ask about a day and month that could be either, and name what cannot be read', () => {
    expect(readTypedDate('03/04/2020')).toEqual({ ok: false, problem: '“03/04/2020” could be 3 April 2020 or 4 March 2020: use YYYY-MM-DD (2020-04-03 or 2020-03-04)' });
    expect(readTypedDate('31/02/2020')).toEqual({ ok: false, problem: '“31/02/2020” is no day of the calendar' });
    expect(readTypedDate('2020-02-30')).toEqual({ ok: false, problem: '“2020-02-30” is no day of the calendar' });
    for (const unreadable of ['last Sunday', 'March 2020', '30 March', 'soon']) expect(readTypedDate(unreadable), unreadable).toMatchObject({ ok: false, problem: expect.stringContaining('use YYYY-MM-DD') });
    expect(spoken('2020-03-30')).toBe('30 March 2020');
  });
});
