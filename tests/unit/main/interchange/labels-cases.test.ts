/**
 * Issue 15's cases. Labels the schema lacks: --map and --add-labels, and a file that says no annotator.
 */
import { describe, expect, it } from 'vitest';
import { ARTICLE, project, expectCountsAddUp } from './cases-helpers.js';

describe('labels the schema lacks', () => {
  it('--map renames on the way in; the rest are refused once per label with their count', async () => {
    const { service, ids, write, layer, manifest } = await project({ 'google.txt': ARTICLE });
    const file = await write('labels.jsonl', JSON.stringify({ text: ARTICLE, label: [[0, 6, 'ORG'], [44, 54, 'PER'], [59, 70, 'PER'], [22, 39, 'TIME']] }));
    const outcomes = await service.importAnnotationsAt([file], { format: 'doccano', annotator: 'dora', labelMap: { ORG: 'entity', PER: 'entity' } });
    expectCountsAddUp(outcomes);
    expect(outcomes[0]?.counts).toEqual({ records: 1, annotations: 4, placed: 3, leftOut: 1 });
    expect(outcomes[0]?.notes).toEqual(['labels renamed as asked: ORG → entity, PER → entity']);
    expect(outcomes[0]?.failed).toEqual([{ where: 'label "TIME" (first at record 1, label 4)', reason: 'the project\'s schema has no label "TIME": adding the labels the files use (--add-labels) adds it, --map TIME=LABEL puts it under a label you have', count: 1 }]);
    expect((await layer('dora', ids[0] as string)).spans.map((span) => span.label)).toEqual(['entity', 'entity', 'entity']);
    expect((await manifest()).labels.map((label) => label.id)).toEqual(['claim', 'entity', 'date']);
    // --map to a label that does not exist says so.
    const wrong = await service.importAnnotationsAt([file], { format: 'doccano', annotator: 'dora', labelMap: { TIME: 'when' } });
    expect(wrong[0]?.failed.find((failure) => failure.where.startsWith('label "TIME"'))?.reason).toBe('--map TIME=when names no label of the project (--add-labels adds it)');
  });

  it('refuses a whole file whose records say no annotator when none is given', async () => {
    const { service, write } = await project({ 'google.txt': ARTICLE });
    const outcomes = await service.importAnnotationsAt([await write('t.json', [{ data: { text: ARTICLE }, annotations: [{ result: [{ type: 'labels', value: { start: 0, end: 6, labels: ['entity'] } }] }] }])], { format: 'label-studio' });
    expect(outcomes[0]?.error?.message).toBe('These annotations do not say whose they are: say whose layers they go into (an annotator name)');
  });
});
