/**
 * Issue 15's cases. Label Studio: one layer per annotator, relations, and its names given back on export.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLE, project, expectCountsAddUp } from './cases-helpers.js';

describe('Label Studio', () => {
  const task = {
    id: 7,
    data: { text: ARTICLE },
    annotations: [
      { completed_by: { id: 1, email: 'ana.lopez@example.org' }, result: [{ id: 'a1', from_name: 'ner', to_name: 'doc', type: 'labels', value: { start: 0, end: 6, text: 'Google', labels: ['ORG'] } }, { id: 'a2', from_name: 'ner', to_name: 'doc', type: 'labels', value: { start: 44, end: 54, text: 'Larry Page', labels: ['PER'] } }, { from_id: 'a2', to_id: 'a1', type: 'relation', direction: 'right', labels: ['founded'] }] },
      { completed_by: 2, result: [{ id: 'b1', from_name: 'ner', to_name: 'doc', type: 'labels', value: { start: 59, end: 70, text: 'Sergey Brin', labels: ['PER'] } }, { id: 'b2', from_name: 'sentiment', to_name: 'doc', type: 'choices', value: { choices: ['neutral'] } }] },
    ],
    predictions: [{ model_version: 'v1', result: [{ type: 'labels', value: { start: 0, end: 6, labels: ['ORG'] } }] }],
  };

  it('keeps each annotation\'s annotator apart, with relations, and gives their names back on export', async () => {
    const { service, ids, write, layer, manifest, root } = await project({ 'google.txt': ARTICLE });
    const file = await write('tasks.json', [task]);
    const outcomes = await service.importAnnotationsAt([file], { format: 'label-studio', addLabels: true });
    expectCountsAddUp(outcomes);
    expect(outcomes[0]?.counts).toEqual({ records: 1, annotations: 6, placed: 4, leftOut: 2 });
    expect(outcomes[0]?.failed.map((failure) => failure.reason)).toEqual(['a "choices" result is no text span', 'a model\'s prediction, not an annotation: import it from an export of accepted annotations']);
    const ana = await layer('ana.lopez', ids[0] as string);
    expect(ana.spans.map((span) => span.quote.exact)).toEqual(['Google', 'Larry Page']);
    expect(ana.relations.map((relation) => relation.type)).toEqual(['founded']);
    expect((await layer('user-2', ids[0] as string)).spans.map((span) => span.quote.exact)).toEqual(['Sergey Brin']);
    expect((await manifest()).interchange).toEqual({ labelStudio: { fromName: 'ner', toName: 'doc', dataKey: 'text' } });

    const out = path.join(root, 'back.json');
    await service.exportToFile(out, { format: 'label-studio' });
    const [exported] = JSON.parse(await readFile(out, 'utf8')) as { annotations: { completed_by: string; result: { from_name?: string; to_name?: string; type: string }[] }[] }[];
    expect(exported?.annotations.map((annotation) => annotation.completed_by)).toEqual(['ana.lopez', 'user-2']);
    expect(exported?.annotations[0]?.result.map((result) => [result.type, result.from_name, result.to_name])).toEqual([['labels', 'ner', 'doc'], ['labels', 'ner', 'doc'], ['relation', undefined, undefined]]);
  });

  it('puts every annotation into --annotator when given', async () => {
    const { service, ids, write, layer } = await project({ 'google.txt': ARTICLE });
    const outcomes = await service.importAnnotationsAt([await write('tasks.json', [task])], { format: 'label-studio', annotator: 'lead', addLabels: true });
    expectCountsAddUp(outcomes);
    expect((await layer('lead', ids[0] as string)).spans.map((span) => span.quote.exact)).toEqual(['Google', 'Larry Page', 'Sergey Brin']);
  });
});
