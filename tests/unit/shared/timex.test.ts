import { describe, expect, it } from 'vitest';
import { describeTimex, timexAttributeProblems, timexKind, timexProblem } from '../../../shared/model/timex.js';

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

describe('TIMEX3 attributes together', () => {
  it('say which field does not fit the others', () => {
    expect(timexAttributeProblems({ value: 'P3D', timexType: 'DURATION', anchor: '2020-03-30', anchorRole: 'endPoint' })).toEqual({});
    expect(timexAttributeProblems({ value: 'XXXX-WXX-7', timexType: 'SET', quant: 'EVERY', freq: '1W' })).toEqual({});
    expect(timexAttributeProblems({ value: 'P3D', timexType: 'DATE' })).toEqual({ timexType: 'a duration value such as P3D has type DURATION or SET, not DATE' });
    expect(timexAttributeProblems({ value: '2020-03-29', timexType: 'DATE', anchor: '2020-03-30' })).toEqual({ anchor: 'only a duration is anchored (“the past two months” ends at the publication date)' });
    expect(timexAttributeProblems({ anchorRole: 'endPoint' })).toEqual({ anchorRole: 'give the anchor too' });
    expect(timexAttributeProblems({ value: '2020-03', timexType: 'DATE', quant: 'EVERY', freq: 'often' })).toEqual({ quant: 'quant belongs to sets (every, each)', freq: 'freq belongs to sets (twice a week)' });
    expect(timexAttributeProblems({ timexType: 'SET', freq: 'often', mod: 'LATE' }).freq).toMatch(/is not a frequency/);
    expect(timexAttributeProblems({ mod: 'LATE' }).mod).toMatch(/is not a TimeML mod/);
  });

  it('say a value in words', () => {
    expect(describeTimex('2020-03-29')).toBe('Sunday 29 March 2020');
    expect(describeTimex('2020-W13')).toBe('week 13 of 2020');
    expect(describeTimex('2020-W13-WE')).toBe('the weekend of week 13 of 2020');
    expect(describeTimex('2019-FA')).toBe('autumn 2019');
    expect(describeTimex('198')).toBe('the 1980s');
    expect(describeTimex('2020-03-25TNI')).toBe('Wednesday 25 March 2020, night');
    expect(describeTimex('PT16H')).toBe('16 hours');
    expect(describeTimex('P1Y6M')).toBe('1 year 6 months');
    expect(describeTimex('PXY')).toBe('some years');
    expect(describeTimex('XXXX-WXX-7')).toBe('Sundays');
    expect(describeTimex('PAST_REF')).toBe('some time in the past');
    expect(describeTimex('last week')).toBeNull();
  });
});
