import { describe, expect, it } from 'vitest';
import { timexKind, timexProblem } from '../../../shared/model/timex.js';

describe('TIMEX3 values', () => {
  it('accept the value grammar of TimeML: dates, weeks, seasons, decades, times, durations, references', () => {
    const valid: Record<string, string> = {
      '2020': 'date',
      '2020-03': 'date',
      '2020-03-29': 'date',
      '2020-02-29': 'date',
      '2020-W13': 'date',
      '2020-W13-7': 'date',
      '2020-W13-WE': 'date',
      '2020-Q1': 'date',
      '2020-H2': 'date',
      '2020-SP': 'date',
      '2019-WI': 'date',
      '198': 'date',
      '198X': 'date',
      '19': 'date',
      '19XX': 'date',
      'XXXX-03-29': 'date',
      '2020-03-29T10:35': 'time',
      '2020-03-29T10:35:20': 'time',
      '2020-03-29TNI': 'time',
      '2020-03-25TEV': 'time',
      T12: 'time',
      P3D: 'duration',
      P2W: 'duration',
      P1Y6M: 'duration',
      PT16H: 'duration',
      PT30M: 'duration',
      P1DT2H: 'duration',
      PXY: 'duration',
      'P0.5D': 'duration',
      P1DE: 'duration',
      PRESENT_REF: 'reference',
      PAST_REF: 'reference',
      FUTURE_REF: 'reference',
    };
    for (const [value, kind] of Object.entries(valid)) {
      expect(timexKind(value), value).toBe(kind);
      expect(timexProblem(value), value).toBeNull();
    }
  });

  it('say what is wrong with words, people\'s date formats, impossible days and lower case', () => {
    expect(timexProblem('last Thursday')).toMatch(/^“last Thursday” is words, not a TIMEX3 value: give the date it means, as in 2020-03-26/);
    expect(timexProblem('29/03/2020')).toMatch(/year first: YYYY-MM-DD/);
    expect(timexProblem('2020-02-30')).toBe('2020-02-30: 2020-02 has 29 days');
    expect(timexProblem('2021-02-29')).toBe('2021-02-29: 2021-02 has 28 days');
    expect(timexProblem('2020-13-01')).toBe('2020-13-01: there is no month 13');
    expect(timexProblem('p3d')).toBe('durations are written in capitals, as in P3D');
    expect(timexProblem(' 2020')).toBe('has spaces around it');
    for (const wrong of ['P', 'PT', '2020-W54', '2020-Q5', '20200329', '2020-3-29', 'T25:00']) expect(timexProblem(wrong), wrong).toMatch(/is not a TIMEX3 value/);
  });
});
