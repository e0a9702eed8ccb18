import { describe, expect, it } from 'vitest';
import { AnnotationLayer } from '../../../shared/model/annotations.js';
import { checkLayer, type LayerContext } from '../../../shared/model/consistency.js';
import { ProjectManifest } from '../../../shared/model/project.js';
import { SourceDocument } from '../../../shared/model/document.js';
import { clone, exampleFiles, readExample } from '../../helpers/example.js';

const manifest = ProjectManifest.parse(readExample(exampleFiles.manifest));
const doc = SourceDocument.parse(readExample(exampleFiles.document));
const alice = AnnotationLayer.parse(readExample(exampleFiles.alice));
const context: LayerContext = { manifest, text: doc.text, sha256: doc.sha256, entityIds: new Set(['e_k1']) };

describe('checking a layer against its document and label schema', () => {
  it('finds nothing wrong in the example layers', () => {
    expect(checkLayer(context, alice)).toEqual([]);
    expect(checkLayer(context, AnnotationLayer.parse(readExample(exampleFiles.bob)))).toEqual([]);
  });

  it('names the span whose offsets no longer slice the text to its quote', () => {
    const layer = clone(alice);
    layer.spans[2]!.start += 1;
    layer.spans[2]!.end += 1;
    expect(checkLayer(context, layer)).toEqual([expect.objectContaining({ spanId: 's_a3', severity: 'error', message: expect.stringContaining('not to its quote "Sunday"') })]);
  });

  it('names spans past the end of the text, unknown labels and bad attribute values', () => {
    const layer = clone(alice);
    layer.spans[0]!.end = 10_000;
    layer.spans[1]!.label = 'person';
    layer.spans[2]!.attributes.timexType = 'MOMENT';
    layer.spans[3]!.attributes.claimant = 's_a1'; // an entity span: allowed
    layer.spans[5]!.attributes.claimant = 's_a3'; // a date span: not allowed
    layer.spans[6]!.attributes.value = 2020;
    const problems = checkLayer(context, layer);
    expect(problems.map((problem) => [problem.spanId, problem.severity])).toEqual([
      ['s_a1', 'error'],
      ['s_a2', 'error'],
      ['s_a3', 'error'],
      ['s_a6', 'error'],
      ['s_a7', 'error'],
    ]);
    expect(problems[3]!.message).toContain('refers to a date span');
  });

  it('accepts a ref to a canonical entity and refuses one to nothing', () => {
    const layer = clone(alice);
    layer.spans[3]!.attributes.claimant = 'e_k1';
    expect(checkLayer(context, layer)).toEqual([]);
    layer.spans[3]!.attributes.claimant = 'e_nobody';
    expect(checkLayer(context, layer)).toEqual([expect.objectContaining({ spanId: 's_a4', message: expect.stringContaining('no span in this layer and no entity') })]);
  });

  it('warns when the layer was made against another text, and about undefined attributes', () => {
    const layer = clone(alice);
    layer.documentSha256 = '0'.repeat(64);
    layer.spans[0]!.attributes.colour = 'blue';
    const problems = checkLayer(context, layer);
    expect(problems.map((problem) => problem.severity)).toEqual(['warning', 'warning']);
  });

  it('points out a date value that is no TIMEX3 value, without refusing the layer', () => {
    const layer = clone(alice);
    layer.spans[6]!.attributes.value = 'last Thursday';
    expect(checkLayer(context, layer)).toEqual([
      { spanId: 's_a7', attribute: 'value', severity: 'warning', message: expect.stringContaining('attribute "value": “last Thursday” is words, not a TIMEX3 value') },
    ]);
  });

  it('checks relation types and the labels at their ends', () => {
    const layer = clone(alice);
    layer.relations.push({ id: 'r_2', type: 'said-by', from: 's_a5', to: 's_a4' }, { id: 'r_3', type: 'quoted', from: 's_a4', to: 's_a5' });
    expect(checkLayer(context, layer).map((problem) => problem.relationId)).toEqual(['r_2', 'r_2', 'r_3']);
  });
});
