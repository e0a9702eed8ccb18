/** `factmark agree` reports how two annotators' links from claim spans to canonical claims agree. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { factmark } from '../../helpers/cli.js';
import { EXAMPLE_DOC_ID, exampleFiles } from '../../helpers/example.js';
import { exampleProject } from '../../helpers/paths.js';
import { copyProject } from '../../helpers/temp.js';

const STAMP = '2026-12-01T00:00:00.000Z';

describe('factmark agree: claim links', () => {
  it('prints link agreement for the claim spans both tagged, with a reason for what is undefined, and the numbers as JSON', async () => {
    const dir = await copyProject(exampleProject);
    // alice links her two claims to one canonical claim; carol tags the same two and links them to two.
    const alice = JSON.parse(await readFile(path.join(dir, exampleFiles.alice), 'utf8')) as { annotator: string; spans: { label: string; attributes: Record<string, unknown> }[] };
    const claimSpans = alice.spans.filter((span) => span.label === 'claim');
    expect(claimSpans).toHaveLength(2);
    for (const span of claimSpans) span.attributes.claimId = 'c1';
    await writeFile(path.join(dir, exampleFiles.alice), JSON.stringify(alice));
    (claimSpans[1] as { attributes: Record<string, unknown> }).attributes.claimId = 'c2';
    await mkdir(path.join(dir, 'annotations/carol'));
    await writeFile(path.join(dir, 'annotations/carol', `${EXAMPLE_DOC_ID}.json`), JSON.stringify({ ...alice, annotator: 'carol' }));
    const claim = (id: string) => ({ id, wording: `Claim ${id}`, createdBy: 'alice', createdAt: STAMP, updatedAt: STAMP });
    await writeFile(path.join(dir, 'claims.json'), JSON.stringify({ format: 'factmark-claims', version: 1, claims: [claim('c1'), claim('c2')], dismissed: [] }));

    const table = factmark('agree', dir, '--annotators', 'alice,carol');
    expect(table.code).toBe(0);
    // B³: precision 1 (carol's clusters are single), recall 1/2 (alice's cluster of two is split).
    expect(table.stdout).toMatch(/^carol\/alice +2 +2\/2 +— +0\.000 +— +1\.000 +0\.500 +0\.667$/m);
    expect(table.stdout).toContain('carol/alice: — (carol linked no two of the claim spans both tagged to one claim)');
    const report = JSON.parse(factmark('agree', dir, '--annotators', 'alice,carol', '--json').stdout);
    expect(report.claimLinks).toEqual([
      {
        reference: 'alice',
        response: 'carol',
        mentions: 2,
        linked: { reference: 2, response: 2 },
        pairwise: { precision: null, recall: 0, f1: null, referencePairs: 1, responsePairs: 0, sharedPairs: 0 },
        bcubed: { precision: 1, recall: 0.5, f1: 2 / 3 },
        reason: 'carol linked no two of the claim spans both tagged to one claim',
      },
    ]);
    // The project's other numbers are as before.
    expect(report.corpus.all.spanF1[0].exact.f1).toBe(1);
  });

  it('prints no claim link table when no claim span was tagged by both', () => {
    const table = factmark('agree', exampleProject, '--annotators', 'alice,bob', '--label', 'date');
    expect(table.code).toBe(0);
    expect(table.stdout).not.toContain('claim links');
  });
});
