/**
 * A Factmark corpus carries claims.json and the claim spans' links to it (the claimId
 * attribute): exported as factmark-json and imported into a new project, both come back
 * as they were, and the project validates.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FactmarkService } from '../../../main/service.js';
import { validateProject } from '../../../main/store/validate.js';
import type { Span } from '../../../shared/model/annotations.js';
import { ClaimRegistry } from '../../../shared/model/claims.js';
import { makeQuote } from '../../../shared/text/quote.js';
import { tempDir } from '../../helpers/temp.js';

const NOW = new Date('2026-12-06T12:00:00.000Z');
const TEXT = 'Brig. Gen. Vincent Barker said the transfer was coordinated with the Government of Iraq. About 300 personnel left.';
const QUOTE = 'the transfer was coordinated with the Government of Iraq';

async function newProject(name: string) {
  const dir = path.join(await tempDir(), name);
  const service = new FactmarkService({ now: () => NOW });
  await service.createProject({ dir });
  return { dir, service };
}

describe('claims in a factmark-json corpus', () => {
  it('claims.json and each claim span\'s claimId survive export and import', async () => {
    const source = await newProject('source');
    const [outcome] = await source.service.importTexts({ files: [{ name: 'wire.txt', data: Buffer.from(TEXT).toString('base64') }], importedBy: 'alice' });
    const documentId = outcome?.status === 'imported' ? outcome.documentId : '';
    const start = TEXT.indexOf(QUOTE);
    const span: Span = { id: 's_quote', label: 'claim', start, end: start + QUOTE.length, quote: makeQuote(TEXT, start, start + QUOTE.length), attributes: {}, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() };
    await source.service.saveLayer({ documentId, annotator: 'alice', baseStamp: null, spans: [span], relations: [], status: 'in-progress' });
    await source.service.changeClaims({ annotator: 'alice', changes: [{ kind: 'create', id: 'k_transfer', wording: QUOTE, claimant: { text: 'Brig. Gen. Vincent Barker' } }] });
    await source.service.linkClaimSpans({ annotator: 'alice', links: [{ documentId, spanId: 's_quote', claimId: 'k_transfer', carriedAs: 'reported-speech' }] });

    const file = path.join(path.dirname(source.dir), 'corpus.json');
    await source.service.exportToFile(file, { format: 'factmark-json' });
    const target = await newProject('target');
    const outcomes = await target.service.importAnnotationsAt([file], { format: 'factmark-json' });
    expect(outcomes.map((result) => [result.error, result.failed, result.counts])).toEqual([[undefined, [], { records: 1, annotations: 1, placed: 1, leftOut: 0 }]]);

    const claimsOf = async (dir: string) => ClaimRegistry.parse(JSON.parse(await readFile(path.join(dir, 'claims.json'), 'utf8'))).claims;
    expect(await claimsOf(target.dir)).toEqual(await claimsOf(source.dir));
    const { layer } = await target.service.getLayer({ documentId, annotator: 'alice' });
    expect(layer.spans.map((kept) => [kept.id, kept.attributes])).toEqual([['s_quote', { claimId: 'k_transfer', carriedAs: 'reported-speech' }]]);
    const board = await target.service.getClaimsBoard({});
    expect(board.claims.map((claim) => [claim.claim.id, claim.mentions.length])).toEqual([['k_transfer', 1]]);
    expect((await validateProject(target.dir)).problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });
});
