/**
 * Issue 15's cases. brat: conf macros and confs up the tree, types regardless of case, rules as written, folders and file names.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { project, expectCountsAddUp } from './cases-helpers.js';

describe('brat', () => {
  const TEXT = 'Larry Page founded Google.\n';
  const ANN = 'T1\tPerson 0 10\tLarry Page\nT2\tOrganization 19 25\tGoogle\nR1\tFounder Arg1:T1 Arg2:T2\nN1\tT1 Wikipedia:Larry_Page\n';
  const CONF = '[entities]\nperson\nOrganization\n[relations]\n<ORG>=Organization\nFounder\tArg1:person, Arg2:<ORG>\nFounder\tArg1:Organization, Arg2:<ANY>\nAlias\tArg1:<ENTITY>, Arg2:<ENTITY>\n<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>\n[events]\n[attributes]\nNegated\tArg:<ANY>\n';

  it('macros, a conf up the tree, types matched regardless of case, rules kept as written, files named as they were', async () => {
    const { service, write, manifest, root } = await project();
    await write('corpus/annotation.conf', CONF);
    await write('corpus/sub/PMID-1.txt', TEXT);
    const ann = await write('corpus/sub/PMID-1.ann', ANN);
    const outcomes = await service.importAnnotationsAt([path.join(root, 'corpus')], { format: 'brat', annotator: 'bea' });
    expectCountsAddUp(outcomes);
    const result = outcomes.find((outcome) => outcome.file === ann);
    expect(result?.counts).toEqual({ records: 1, annotations: 4, placed: 3, leftOut: 1 });
    expect(result?.notes).toEqual(expect.arrayContaining([`types from ${path.join(root, 'corpus', 'annotation.conf')}`, 'labels matched regardless of case: Person → person']));
    // A normalization line not in brat's form says what brat's form is.
    expect(result?.failed.map((failure) => failure.reason)).toEqual(['a normalization needs "Reference T<n> RESOURCE:ID" after its id; this one has "T1 Wikipedia:Larry_Page": N1\tT1 Wikipedia:Larry_Page']);
    const schema = await manifest();
    const founder = schema.relationTypes.find((type) => type.id === 'Founder');
    expect(founder?.rules).toEqual([{ from: ['person'], to: ['Organization'] }, { from: ['Organization'], to: ['person', 'Organization'] }]);
    expect(schema.relationTypes.find((type) => type.id === 'Alias')).toMatchObject({ from: ['person', 'Organization'], to: ['person', 'Organization'] });

    // Exported to a folder: the conf keeps both Founder lines, the files their names.
    const out = path.join(root, 'out');
    await service.exportToFile(`${out}/`, { format: 'brat' });
    expect((await readdir(path.join(out, 'bea'))).sort()).toEqual(['PMID-1.ann', 'PMID-1.txt']);
    const conf = await readFile(path.join(out, 'annotation.conf'), 'utf8');
    expect(conf).toContain('Founder\tArg1:person, Arg2:Organization\nFounder\tArg1:Organization, Arg2:person|Organization\n');
    expect(await readFile(path.join(out, 'bea', 'PMID-1.ann'), 'utf8')).toBe('T1\tperson 0 10\tLarry Page\nT2\tOrganization 19 25\tGoogle\nR1\tFounder Arg1:T1 Arg2:T2\n');
    // A folder that exists gets the files too; anything else a zip.
    await service.exportToFile(out, { format: 'brat' });
    await service.exportToFile(path.join(root, 'out.zip'), { format: 'brat' });
    expect((await readFile(path.join(root, 'out.zip'))).subarray(0, 2).toString()).toBe('PK');
  });

  it('a relation that fits neither rule is refused by the rules, not by their union', async () => {
    const { service, write, root } = await project();
    await write('c/annotation.conf', '[entities]\nA\nB\n[relations]\nR\tArg1:A, Arg2:B\nR\tArg1:B, Arg2:A\n[events]\n[attributes]\n');
    await write('c/x.txt', 'a b\n');
    await write('c/x.ann', 'T1\tA 0 1\ta\nT2\tA 2 3\tb\nR1\tR Arg1:T1 Arg2:T2\n');
    const outcomes = await service.importAnnotationsAt([path.join(root, 'c')], { format: 'brat', annotator: 'bea' });
    expectCountsAddUp(outcomes);
    expect(outcomes.flatMap((outcome) => outcome.failed.map((failure) => failure.reason))).toEqual(['"R" cannot go from a A span to a A span']);
  });

  it('a conf with more types than free keys adds the types the files use, and names the others', async () => {
    const { service, write, manifest, root } = await project();
    const types = Array.from({ length: 40 }, (_, i) => `T${i + 1}`);
    await write('big/annotation.conf', `[entities]\n${types.join('\n')}\n[relations]\nR\tArg1:T1|T39, Arg2:T2|T40\n[events]\n[attributes]\nNeg\tArg:T1|T40\n`);
    await write('big/docs/x.txt', 'a b\n');
    await write('big/docs/x.ann', 'T1\tT1 0 1\ta\nT2\tt2 2 3\tb\nR1\tR Arg1:T1 Arg2:T2\nA1\tNeg T1\n');
    const outcomes = await service.importAnnotationsAt([path.join(root, 'big')], { format: 'brat', annotator: 'bea' });
    expectCountsAddUp(outcomes);
    expect(outcomes.map((outcome) => outcome.error)).toEqual([undefined, undefined]);
    expect(outcomes[0]?.notes?.[0]).toBe(`annotation.conf declares more types than there are free label keys (0-9, a-z): only the 2 the files use were added; not added: ${types.slice(2).join(', ')}`);
    expect(outcomes[1]?.counts).toEqual({ records: 1, annotations: 3, placed: 3, leftOut: 0 });
    const schema = await manifest();
    expect(schema.labels.map((label) => label.id)).toEqual(['claim', 'entity', 'date', 'T1', 'T2']);
    expect(schema.relationTypes.find((type) => type.id === 'R')).toMatchObject({ from: ['T1'], to: ['T2'] });
  });
});
