import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FactmarkService } from '../../../main/service.js';
import { validateProject } from '../../../main/store/validate.js';
import type { Span } from '../../../shared/model/annotations.js';
import { ClaimRegistry } from '../../../shared/model/claims.js';
import { makeQuote } from '../../../shared/text/quote.js';
import { runCli as runCliWith } from '../../../main/cli.js';
import { tempDir } from '../../helpers/temp.js';

const NOW = new Date('2026-12-06T12:00:00.000Z');

const WIRE = 'Brig. Gen. Vincent Barker said: "Today\'s transfer was coordinated with the Government of Iraq." About 300 personnel left.';
const DAILY = 'The coalition left on Sunday. "Today\'s transfer was coordinated with the Government of Iraq," Barker said.';

function spanOf(text: string, exact: string, label: string, id: string): Span {
  const at = text.indexOf(exact);
  const start = [...text.slice(0, at)].length;
  const end = start + [...exact].length;
  return { id, label, start, end, quote: makeQuote(text, start, end), attributes: {}, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() };
}

const QUOTE = "Today's transfer was coordinated with the Government of Iraq";

/** The command line, in this process, with what it prints kept. */
async function runCli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCliWith(argv, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
  return { code, stdout, stderr };
}

/** A project with two articles in which alice tagged the same quote. */
async function project() {
  const dir = path.join(await tempDir(), 'claims');
  const api = new FactmarkService({ now: () => NOW });
  await api.createProject({ dir });
  const outcomes = await api.importTexts({
    files: [
      { name: 'wire.txt', data: Buffer.from(WIRE).toString('base64'), meta: { outlet: 'Wire', published: '2020-03-30', url: 'https://example.org/wire' } },
      { name: 'daily.txt', data: Buffer.from(DAILY).toString('base64'), meta: { outlet: 'Daily', published: '2020-03-29', url: 'https://example.org/daily' } },
    ],
    importedBy: 'alice',
  });
  const [wire, daily] = outcomes.map((outcome) => (outcome.status === 'imported' ? outcome.documentId : ''));
  for (const [documentId, text] of [[wire, WIRE], [daily, DAILY]] as const) {
    const { stamp } = await api.getLayer({ documentId: documentId as string, annotator: 'alice' });
    await api.saveLayer({ documentId: documentId as string, annotator: 'alice', baseStamp: stamp, spans: [spanOf(text, QUOTE, 'claim', 's_quote')], relations: [], status: 'in-progress' });
  }
  return { dir, api, wire: wire as string, daily: daily as string };
}

describe('claims across articles, through the service', () => {
  it('makes a canonical claim, links both mentions, and shows them on the board, the first appearance first', async () => {
    const { dir, api, wire, daily } = await project();
    await api.changeClaims({ annotator: 'alice', changes: [{ kind: 'create', id: 'k_transfer', wording: QUOTE, claimant: { text: 'Brig. Gen. Vincent Barker' } }] });
    const result = await api.linkClaimSpans({
      annotator: 'alice',
      links: [
        { documentId: wire, spanId: 's_quote', claimId: 'k_transfer', carriedAs: 'direct-quote' },
        { documentId: daily, spanId: 's_quote', claimId: 'k_transfer' },
        { documentId: daily, spanId: 's_gone', claimId: 'k_transfer' },
      ],
    });
    expect(result).toEqual({ linked: 2, missing: [`alice's span s_gone on ${daily}`] });
    const board = await api.getClaimsBoard({});
    expect(board.claims).toHaveLength(1);
    expect(board.claims[0]?.mentions.map((mention) => board.documents[mention.ref.documentId]?.outlet)).toEqual(['Daily', 'Wire']);
    expect(board.claims[0]?.firstAppearance?.documentId).toBe(daily);
    expect(board.claims[0]?.mentions[1]?.carriedAs).toBe('direct-quote');
    expect(board.unlinked).toEqual([]);
    // On disk: a valid claims.json, links in the layer, and a project that validates.
    expect(ClaimRegistry.parse(JSON.parse(await readFile(path.join(dir, 'claims.json'), 'utf8'))).claims[0]?.wording).toBe(QUOTE);
    const layer = JSON.parse(await readFile(path.join(dir, 'annotations', 'alice', `${wire}.json`), 'utf8')) as { spans: Span[] };
    expect(layer.spans[0]?.attributes).toMatchObject({ claimId: 'k_transfer', carriedAs: 'direct-quote' });
    expect((await validateProject(dir)).problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('refuses to delete a claim that mentions link to, and to link to a claim that is not there', async () => {
    const { api, wire } = await project();
    await api.changeClaims({ annotator: 'alice', changes: [{ kind: 'create', id: 'k_1', wording: QUOTE }] });
    await api.linkClaimSpans({ annotator: 'alice', links: [{ documentId: wire, spanId: 's_quote', claimId: 'k_1' }] });
    await expect(api.changeClaims({ annotator: 'alice', changes: [{ kind: 'delete', claimId: 'k_1' }] })).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('still has mentions') });
    await expect(api.linkClaimSpans({ annotator: 'alice', links: [{ documentId: wire, spanId: 's_quote', claimId: 'k_404' }] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await api.linkClaimSpans({ annotator: 'alice', links: [{ documentId: wire, spanId: 's_quote', claimId: null }] });
    expect(await api.changeClaims({ annotator: 'alice', changes: [{ kind: 'delete', claimId: 'k_1' }] })).toEqual([]);
  });

  it('keeps both of two windows\' changes to different claims made at the same moment', async () => {
    const { dir, api } = await project();
    const other = new FactmarkService({ now: () => NOW });
    await other.openProject({ dir });
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? api : other).changeClaims({ annotator: i % 2 ? 'alice' : 'bob', changes: [{ kind: 'create', id: `k_${i}`, wording: `Claim ${i}` }] })));
    expect((await api.listClaims({})).map((claim) => claim.id).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `k_${i}`).sort());
  });

  it('adds the link attributes to a claim label that lacks them, the first time a span is linked', async () => {
    const { api, wire } = await project();
    const info = await api.getProject({});
    const labels = (info?.manifest.labels ?? []).map((label) => (label.id === 'claim' ? { ...label, attributes: label.attributes.filter((attribute) => attribute.id !== 'claimId' && attribute.id !== 'carriedAs') } : label));
    await api.updateLabelSchema({ labels, renames: {} });
    await api.changeClaims({ annotator: 'alice', changes: [{ kind: 'create', id: 'k_1', wording: QUOTE }] });
    await api.linkClaimSpans({ annotator: 'alice', links: [{ documentId: wire, spanId: 's_quote', claimId: 'k_1', carriedAs: 'assertion' }] });
    const claim = (await api.getProject({}))?.manifest.labels.find((label) => label.id === 'claim');
    expect(claim?.attributes.map((attribute) => attribute.id)).toEqual(expect.arrayContaining(['claimId', 'carriedAs']));
  });

  it('lists the claims on the command line, as lines or JSON, and exports them as ClaimReview', async () => {
    const { dir, api, wire, daily } = await project();
    await api.changeClaims({ annotator: 'alice', changes: [{ kind: 'create', id: 'k_transfer', wording: QUOTE }, { kind: 'verdict', claimId: 'k_transfer', rating: 'true' }] });
    await api.linkClaimSpans({ annotator: 'alice', links: [wire, daily].map((documentId) => ({ documentId, spanId: 's_quote', claimId: 'k_transfer' })) });
    const lines = await runCli(['claims', dir]);
    expect(lines.code).toBe(0);
    expect(lines.stdout).toMatch(/^k_transfer\trated\ttrue\t2 mentions\t2 outlets\tfirst: Daily 2020-03-29\t"Today's transfer/);
    const json = await runCli(['claims', dir, '--json']);
    const record = JSON.parse(json.stdout.trim()) as { id: string; mentions: { outlet: string; quote: string }[] };
    expect(record.mentions.map((mention) => mention.outlet)).toEqual(['Daily', 'Wire']);
    expect(record.mentions[0]?.quote).toBe(QUOTE);
    const exported = await runCli(['export', dir, '--format', 'claimreview']);
    const reviews = JSON.parse(exported.stdout) as { identifier?: string; itemReviewed: { appearance: { url: string }[]; firstAppearance: { url: string } }; reviewRating?: { alternateName: string } }[];
    const review = reviews.find((item) => item.identifier === 'k_transfer');
    expect(review?.itemReviewed.appearance.map((item) => item.url)).toEqual(['https://example.org/daily', 'https://example.org/wire']);
    expect(review?.itemReviewed.firstAppearance.url).toBe('https://example.org/daily');
    expect(review?.reviewRating?.alternateName).toBe('true');
  });
});

describe('the match inbox, through the service and the command line', () => {
  it('proposes the quote both articles carry, accepts it as a new claim worded as it first appeared, and does not propose it again', async () => {
    const { api, wire, daily } = await project();
    const { proposals, threshold } = await api.matchClaims({ annotator: 'alice' });
    expect(threshold).toBeGreaterThan(0);
    expect(proposals).toHaveLength(1);
    const [proposal] = proposals;
    expect(proposal?.score).toBeGreaterThanOrEqual(threshold);
    expect(proposal?.reasons.words).toEqual(expect.arrayContaining(['transfer', 'coordinated']));
    expect([proposal?.span.documentId, 'span' in (proposal?.target ?? {}) ? (proposal?.target as { span: { documentId: string } }).span.documentId : null].sort()).toEqual([wire, daily].sort());

    const done = await api.acceptMatches({ annotator: 'alice', proposals });
    expect(done.linked).toBe(2);
    expect(done.created).toHaveLength(1);
    const [claim] = await api.listClaims({});
    // The daily published a day earlier: its words are the canonical wording.
    expect(claim?.wording).toBe(QUOTE);
    expect(claim?.createdBy).toBe('alice');
    const board = await api.getClaimsBoard({});
    expect(board.claims[0]?.mentions.map((mention) => mention.ref.documentId).sort()).toEqual([wire, daily].sort());
    expect((await api.matchClaims({})).proposals).toEqual([]);
  });

  it('a rejected proposal is remembered; a colleague’s span is not linked from the inbox', async () => {
    const { api } = await project();
    const [proposal] = (await api.matchClaims({})).proposals;
    if (!proposal) throw new Error('expected a proposal');
    await api.changeClaims({ annotator: 'alice', changes: [{ kind: 'dismiss', span: proposal.span, with: proposal.target }] });
    expect((await api.matchClaims({})).proposals).toEqual([]);
    expect((await api.matchClaims({ threshold: 0 })).proposals).toEqual([]);
    const bob = await api.acceptMatches({ annotator: 'bob', proposals: [proposal] });
    expect(bob).toEqual({ created: [], linked: 0, leftOut: expect.arrayContaining([expect.stringContaining('/alice/s_quote')]) });
    expect(await api.listClaims({})).toEqual([]);
  });

  it('factmark claims --match lists the proposals with reasons, and --apply links them', async () => {
    const { dir } = await project();
    const listed = await runCli(['claims', dir, '--match']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^[01]\.\d\d\t\S+\/alice\/s_quote "Today's transfer[^\t]*\trestates span \S+\/alice\/s_quote "[^\t]*\twords: [^\t]*transfer/m);
    const json = await runCli(['claims', dir, '--match', '--json', '--apply', '--annotator', 'alice']);
    const lines = json.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toHaveProperty('score');
    expect(lines.at(-1)).toMatchObject({ applied: 1, linked: 2 });
    const after = await runCli(['claims', dir]);
    expect(after.stdout).toMatch(/^k_[0-9a-f]{12}\tunverified\t-\t2 mentions\t2 outlets/);
    const bad = await runCli(['claims', dir, '--match', '--threshold', 'high']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--threshold must be a number from 0 to 1');
  });
});
