import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../../../../shared/model/default-labels.js';
import { suggestAll } from '../../../../shared/suggest/suggest.js';

describe('suggestions fit the project\'s labels', () => {
  const text = 'Attacks went on over the past two months, more than 60 days.';

  it('carry every TIMEX3 attribute the default date label defines', () => {
    const dates = suggestAll(text, { labels: ['date'], published: '2020-03-30', registry: [], schema: DEFAULT_LABELS });
    expect(dates.map((s) => s.attributes)).toEqual([
      { timexType: 'DURATION', value: 'P2M', anchor: '2020-03-30', anchorRole: 'endPoint' },
      { timexType: 'DURATION', value: 'P60D', mod: 'MORE_THAN' },
    ]);
  });

  it('leave out the attributes an older project\'s date label lacks', () => {
    const older = [{ id: 'date', attributes: [{ id: 'value' }, { id: 'timexType' }] }];
    const dates = suggestAll(text, { labels: ['date'], published: '2020-03-30', registry: [], schema: older });
    expect(dates.map((s) => s.attributes)).toEqual([
      { timexType: 'DURATION', value: 'P2M' },
      { timexType: 'DURATION', value: 'P60D' },
    ]);
  });
});
