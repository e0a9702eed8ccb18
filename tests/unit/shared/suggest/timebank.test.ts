/**
 * The date suggester on the development set: TimeBank (TempEval-3 TBAQ-cleaned), scored
 * as TempEval-3 scores (shared/suggest/timex/score.ts). The floors sit a little under the
 * figures recorded in bench/RESULTS.md, so a change that loses ground fails here.
 */
import { describe, expect, it } from 'vitest';
import { suggestDates } from '../../../../shared/suggest/dates.js';
import { evaluateTimexes } from '../../../../shared/suggest/timex/evaluate.js';
import { countTimexes, scoreCounts } from '../../../../shared/suggest/timex/score.js';
import { readTimeml } from '../../../../shared/suggest/timex/timeml.js';
import { readTimebank } from '../../../helpers/timebank.js';

describe('the TempEval-3 scorer', () => {
  const t = (start: number, end: number, value: string | null) => ({ start, end, value, type: 'DATE' });

  it('pairs expressions one to one where they overlap: relaxed, strict when equal, value when the value is the gold one', () => {
    const gold = [t(0, 10, '2020-03'), t(20, 30, '2020'), t(40, 45, 'P3D')];
    const system = [t(2, 10, '2020-03'), t(20, 30, '2019'), t(25, 28, '2020'), t(50, 60, 'P1D')];
    const counts = countTimexes(gold, system);
    expect(counts).toEqual({ gold: 3, system: 4, relaxed: 2, strict: 1, value: 1, type: 2 });
    const scores = scoreCounts(counts);
    expect(scores.relaxed.precision).toBe(0.5);
    expect(scores.relaxed.recall).toBeCloseTo(2 / 3);
    expect(scores.value.f1).toBeCloseTo((2 * 0.25 * (1 / 3)) / (0.25 + 1 / 3));
  });

  it('reads TimeML: the text without tags, entities decoded, TIMEX3 offsets and the creation time', () => {
    const doc = readTimeml('<TimeML><DOCID>x</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-13">02/13/1998</TIMEX3></DCT><TEXT>On <TIMEX3 tid="t1" type="DATE" value="1998-02-12" mod="END">late Thursday</TIMEX3> AT&amp;T <EVENT eid="e1">said</EVENT>.</TEXT></TimeML>');
    expect(doc.dct).toBe('1998-02-13');
    expect(doc.text).toBe('On late Thursday AT&T said.');
    expect(doc.timexes).toEqual([{ start: 3, end: 16, text: 'late Thursday', type: 'DATE', value: '1998-02-12', attributes: { tid: 't1', mod: 'END' } }]);
  });
});

describe('dates on TimeBank, the development set', () => {
  it('keeps relaxed span F1, strict span F1 and value F1 above their floors', () => {
    const documents = readTimebank();
    expect(documents).toHaveLength(183);
    const { scores } = evaluateTimexes(documents, suggestDates);
    expect(scores.counts.gold).toBe(1243);
    expect(scores.relaxed.f1).toBeGreaterThanOrEqual(0.9);
    expect(scores.strict.f1).toBeGreaterThanOrEqual(0.82);
    expect(scores.value.f1).toBeGreaterThanOrEqual(0.78);
  });
});
