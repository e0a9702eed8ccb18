/**
 * claims.json merged by claim id and field (shared/merge/claims-merge.ts through
 * corpus-merge.ts). Each side is made the way the app makes it, by applying claim changes
 * (shared/claims/changes.ts) to a common base, so the files are the real thing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyClaimChanges, type ClaimChange } from '../../../shared/claims/changes.js';
import { checkCorpusFile } from '../../../shared/merge/corpus-files.js';
import { mergeCorpusFiles, type CorpusMergeResult } from '../../../shared/merge/corpus-merge.js';
import type { AnnotationLayer } from '../../../shared/model/annotations.js';
import { ClaimRegistry, EMPTY_CLAIMS, type CanonicalClaim } from '../../../shared/model/claims.js';
import { stringifyFactmarkFile } from '../../../shared/model/parse.js';
import { bareSpan } from '../../helpers/spans.js';

const FILE = 'claims.json';
const at = (minute: number) => `2026-12-06T10:${String(minute).padStart(2, '0')}:00.000Z`;
const apply = (registry: ClaimRegistry, annotator: string, minute: number, ...changes: ClaimChange[]) => applyClaimChanges(registry, changes, { annotator, at: at(minute) });
const text = (registry: ClaimRegistry) => stringifyFactmarkFile(ClaimRegistry.parse(registry));
const merge = (base: ClaimRegistry, ours: ClaimRegistry, theirs: ClaimRegistry, resolutions: Record<string, 'ours' | 'theirs'> = {}) =>
  mergeCorpusFiles([{ path: FILE, base: text(base), ours: text(ours), theirs: text(theirs) }], { resolutions });
const mergedClaims = (result: CorpusMergeResult): ClaimRegistry => {
  const file = result.files.find((item) => item.path === FILE);
  const checked = checkCorpusFile('claims', FILE, file?.text ?? '');
  if (!checked.ok) throw checked.error;
  return checked.value as unknown as ClaimRegistry;
};
const claim = (registry: ClaimRegistry, id: string): CanonicalClaim | undefined => registry.claims.find((item) => item.id === id);

const BASE = apply(EMPTY_CLAIMS, 'carol', 0, { kind: 'create', id: 'c1', wording: '300 coalition troops left K-1' }, { kind: 'create', id: 'c2', wording: 'The base was handed over on Sunday' });

describe('merging claims.json by claim and field', () => {
  it('asks once about a claim given two verdicts, shows both whole, and applies the choice', () => {
    const ours = apply(BASE, 'alice', 5, { kind: 'verdict', claimId: 'c1', rating: 'true', explanation: 'The ministry confirmed it' });
    const theirs = apply(BASE, 'bob', 7, { kind: 'verdict', claimId: 'c1', rating: 'false', explanation: 'Only 200 left' });
    const first = merge(BASE, ours, theirs);
    expect(first.conflicts).toHaveLength(1);
    const [conflict] = first.conflicts;
    expect(conflict).toMatchObject({
      file: FILE,
      kind: 'value',
      where: 'Claim “300 coalition troops left K-1” › verdict',
      ours: { rating: 'true', explanation: 'The ministry confirmed it', by: 'alice', at: at(5) },
      theirs: { rating: 'false', explanation: 'Only 200 left', by: 'bob', at: at(7) },
    });
    expect(conflict).not.toHaveProperty('base');
    // Undecided, the file is still valid (ours there), never half of each verdict.
    expect(claim(mergedClaims(first), 'c1')?.verdict?.rating).toBe('true');

    const second = merge(BASE, ours, theirs, { [conflict!.id]: 'theirs' });
    expect(second.conflicts).toEqual([]);
    const c1 = claim(mergedClaims(second), 'c1');
    expect(c1?.verdict).toEqual({ rating: 'false', explanation: 'Only 200 left', by: 'bob', at: at(7) });
    expect(c1?.status).toBe('rated');
    // Both moves happened, and both are in the log, oldest first.
    expect(c1?.history.map((move) => `${move.by}:${move.from}→${move.to}`)).toEqual(['alice:unverified→rated', 'bob:unverified→rated']);
    expect(c1?.updatedAt).toBe(at(7));
  });

  it('asks about a claim moved to two different steps', () => {
    const researching = apply(BASE, 'carol', 1, { kind: 'move', claimId: 'c2', to: 'researching' });
    const ours = apply(researching, 'alice', 5, { kind: 'move', claimId: 'c2', to: 'unverified', note: 'Not ours to check' });
    const theirs = apply(researching, 'bob', 6, { kind: 'verdict', claimId: 'c2', rating: 'mostly-true' });
    const result = merge(researching, ours, theirs);
    expect(result.conflicts.map((item) => [item.where, item.base, item.ours, item.theirs])).toEqual([['Claim “The base was handed over on Sunday” › status', 'researching', 'unverified', 'rated']]);
    const chosen = mergedClaims(merge(researching, ours, theirs, { [result.conflicts[0]!.id]: 'ours' }));
    // The status chosen, and the verdict that came with the other side's move: nothing lost.
    expect(claim(chosen, 'c2')).toMatchObject({ status: 'unverified', verdict: { rating: 'mostly-true', by: 'bob' } });
    expect(claim(chosen, 'c2')?.history.map((move) => move.to)).toEqual(['researching', 'unverified', 'rated']);
  });

  it('merges different claims and different fields of one claim without asking', () => {
    const ours = apply(
      BASE,
      'alice',
      5,
      { kind: 'create', id: 'c3', wording: 'Two rockets hit Camp Taji' },
      { kind: 'edit', claimId: 'c1', set: { note: 'Check the ministry release' }, base: { note: null } },
      { kind: 'add-evidence', claimId: 'c1', id: 'e1', stance: 'supports', source: { url: 'https://example.org/release' } },
      { kind: 'dismiss', span: { documentId: 'd1', annotator: 'alice', spanId: 's1' }, with: { claimId: 'c2' } },
    );
    const theirs = apply(
      BASE,
      'bob',
      6,
      { kind: 'create', id: 'c4', wording: 'The troops went to Kuwait' },
      { kind: 'move', claimId: 'c1', to: 'researching' },
      { kind: 'add-evidence', claimId: 'c1', id: 'e2', stance: 'refutes', source: { url: 'https://example.org/count' } },
      { kind: 'dismiss', span: { documentId: 'd1', annotator: 'alice', spanId: 's1' }, with: { claimId: 'c2' } },
      { kind: 'dismiss', span: { documentId: 'd2', annotator: 'bob', spanId: 's9' }, with: { span: { documentId: 'd1', annotator: 'alice', spanId: 's1' } } },
      { kind: 'edit', claimId: 'c2', set: { wording: 'K-1 was handed over on Sunday 29 March' }, base: { wording: 'The base was handed over on Sunday' } },
    );
    const result = merge(BASE, ours, theirs);
    expect(result.conflicts).toEqual([]);
    const merged = mergedClaims(result);
    expect(merged.claims.map((item) => item.id).sort()).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(claim(merged, 'c1')).toMatchObject({ note: 'Check the ministry release', status: 'researching', updatedAt: at(6) });
    expect(claim(merged, 'c1')?.evidence.map((item) => item.id).sort()).toEqual(['e1', 'e2']);
    expect(claim(merged, 'c2')?.wording).toBe('K-1 was handed over on Sunday 29 March');
    // The same proposal turned down on both sides is there once.
    expect(merged.dismissed.map((item) => item.span.spanId)).toEqual(['s1', 's9']);
  });

  it('does not ask when both sides gave the same verdict, and keeps the later', () => {
    const ours = apply(BASE, 'alice', 5, { kind: 'verdict', claimId: 'c1', rating: 'false' });
    const theirs = apply(BASE, 'bob', 8, { kind: 'verdict', claimId: 'c1', rating: 'false' });
    const result = merge(BASE, ours, theirs);
    expect(result.conflicts).toEqual([]);
    expect(claim(mergedClaims(result), 'c1')?.verdict).toMatchObject({ rating: 'false', by: 'bob', at: at(8) });
  });

  it('drops a sign-off of a verdict the signer never saw: the claim is rated again', () => {
    const rated = apply(BASE, 'carol', 1, { kind: 'verdict', claimId: 'c1', rating: 'true' });
    const ours = apply(rated, 'alice', 5, { kind: 'verdict', claimId: 'c1', rating: 'false', explanation: 'Only 200 left' });
    const theirs = apply(rated, 'bob', 6, { kind: 'move', claimId: 'c1', to: 'reviewed' });
    const result = merge(rated, ours, theirs);
    expect(result.conflicts).toEqual([]);
    const c1 = claim(mergedClaims(result), 'c1');
    expect(c1).toMatchObject({ status: 'rated', verdict: { rating: 'false', by: 'alice' } });
    expect(c1?.signOff).toBeUndefined();
    expect(c1?.history.map((move) => `${move.by}:${move.from}→${move.to}@${move.at.slice(11, 16)}`)).toEqual(['carol:unverified→rated@10:01', 'bob:rated→reviewed@10:06', 'alice:reviewed→rated@10:06']);
    // A sign-off of the verdict the claim still has stays.
    const kept = claim(mergedClaims(merge(rated, apply(rated, 'alice', 5, { kind: 'add-evidence', claimId: 'c1', id: 'e1', stance: 'supports', source: { url: 'https://example.org/' } }), theirs)), 'c1');
    expect(kept).toMatchObject({ status: 'reviewed', signOff: { by: 'bob' } });
  });

  it('keeps a claim deleted on one side while the other linked a span to it', () => {
    const ours = apply(BASE, 'alice', 5, { kind: 'delete', claimId: 'c2' });
    const span = { ...bareSpan('s1', 'claim', 0, 4), attributes: { claimId: 'c2' } };
    const layer = (spans: AnnotationLayer['spans']) =>
      stringifyFactmarkFile({ format: 'factmark-annotations', version: 1, document: 'd1', documentSha256: 'a'.repeat(64), annotator: 'bob', status: 'in-progress', updatedAt: at(6), spans, relations: [] });
    const result = mergeCorpusFiles([
      { path: FILE, base: text(BASE), ours: text(ours), theirs: text(BASE) },
      { path: 'annotations/bob/d1.json', base: null, ours: null, theirs: layer([span]) },
    ]);
    expect(result.conflicts).toEqual([]);
    expect(mergedClaims(result).claims.map((item) => item.id)).toEqual(['c1', 'c2']);
    expect(result.notes.join('\n')).toContain('claim c2 deleted on one side, but linked on the other');
  });

  it('follows a claim merged into one that the other side merged elsewhere', () => {
    const three = apply(BASE, 'carol', 1, { kind: 'create', id: 'c3', wording: 'K-1 changed hands' });
    const ours = apply(three, 'alice', 5, { kind: 'merge', claimId: 'c1', into: 'c2' });
    const theirs = apply(three, 'bob', 6, { kind: 'merge', claimId: 'c2', into: 'c3' });
    const result = merge(three, ours, theirs);
    expect(result.conflicts).toEqual([]);
    const merged = mergedClaims(result);
    expect(claim(merged, 'c1')?.mergedInto).toBe('c3');
    expect(claim(merged, 'c2')?.mergedInto).toBe('c3');
  });

  it('asks which of two claims merged into each other stays', () => {
    const ours = apply(BASE, 'alice', 5, { kind: 'merge', claimId: 'c2', into: 'c1' }, { kind: 'add-evidence', claimId: 'c1', id: 'e1', stance: 'supports', source: { url: 'https://example.org/' } });
    const theirs = apply(BASE, 'bob', 6, { kind: 'merge', claimId: 'c1', into: 'c2' });
    const first = merge(BASE, ours, theirs);
    expect(first.conflicts.map((item) => [item.where, item.ours, item.theirs])).toEqual([['Claim “300 coalition troops left K-1” › mergedInto', undefined, 'c2']]);
    const [c1, c2] = ['c1', 'c2'].map((id) => claim(mergedClaims(merge(BASE, ours, theirs, { [first.conflicts[0]!.id]: 'theirs' })), id));
    expect([c1?.mergedInto, c2?.mergedInto]).toEqual(['c2', undefined]);
    // Nothing else of either side is lost to the choice.
    expect(c1?.evidence.map((item) => item.id)).toEqual(['e1']);
  });

  it('never writes a claims.json that fails its schema, and loses no claim, evidence or dismissal', () => {
    const claimIds = ['c1', 'c2', 'c3', 'c4'];
    const change = fc.oneof(
      fc.record({ kind: fc.constant('create' as const), id: fc.constantFrom('c3', 'c4'), wording: fc.constantFrom('A claim', 'Another claim') }),
      fc.record({ kind: fc.constant('verdict' as const), claimId: fc.constantFrom(...claimIds), rating: fc.constantFrom('true' as const, 'false' as const, 'mixed' as const) }),
      fc.record({ kind: fc.constant('move' as const), claimId: fc.constantFrom(...claimIds), to: fc.constantFrom('unverified' as const, 'researching' as const, 'reviewed' as const) }),
      fc.record({ kind: fc.constant('edit' as const), claimId: fc.constantFrom(...claimIds), note: fc.constantFrom('one note', 'another note') }),
      fc.record({ kind: fc.constant('add-evidence' as const), claimId: fc.constantFrom(...claimIds), id: fc.constantFrom('e1', 'e2', 'e3') }),
      fc.record({ kind: fc.constant('merge' as const), claimId: fc.constantFrom(...claimIds), into: fc.constantFrom(...claimIds) }),
      fc.record({ kind: fc.constant('delete' as const), claimId: fc.constantFrom(...claimIds) }),
      fc.record({ kind: fc.constant('dismiss' as const), spanId: fc.constantFrom('s1', 's2', 's3'), claimId: fc.constantFrom(...claimIds) }),
    );
    type Step = typeof change extends fc.Arbitrary<infer T> ? T : never;
    const toChange = (step: Step, registry: ClaimRegistry): ClaimChange => {
      switch (step.kind) {
        case 'edit':
          return { kind: 'edit', claimId: step.claimId, set: { note: step.note }, base: { note: claim(registry, step.claimId)?.note ?? null } };
        case 'add-evidence':
          return { kind: 'add-evidence', claimId: step.claimId, id: step.id, stance: 'context', source: { url: 'https://example.org/' } };
        case 'dismiss':
          return { kind: 'dismiss', span: { documentId: 'd1', annotator: 'alice', spanId: step.spanId }, with: { claimId: step.claimId } };
        default:
          return step;
      }
    };
    // Each side as the app keeps it: a change the workflow refuses is not made.
    const play = (registry: ClaimRegistry, annotator: string, steps: Step[]) =>
      steps.reduce((current, step, i) => {
        try {
          return ClaimRegistry.parse(apply(current, annotator, 10 + i, toChange(step, current)));
        } catch {
          return current;
        }
      }, registry);
    fc.assert(
      fc.property(fc.array(change, { maxLength: 8 }), fc.array(change, { maxLength: 8 }), fc.boolean(), (oursSteps, theirsSteps, pickTheirs) => {
        const ours = play(BASE, 'alice', oursSteps);
        const theirs = play(BASE, 'bob', theirsSteps);
        const first = merge(BASE, ours, theirs);
        const resolutions = Object.fromEntries(first.conflicts.map((item) => [item.id, pickTheirs ? ('theirs' as const) : ('ours' as const)]));
        const second = merge(BASE, ours, theirs, resolutions);
        for (const result of [first, second]) {
          const file = result.files.find((item) => item.path === FILE)?.text ?? '';
          expect(checkCorpusFile('claims', FILE, file).ok).toBe(true);
        }
        expect(second.conflicts).toEqual([]);
        const merged = mergedClaims(second);
        // A file that could not be merged by claim (a loop of merged claims through three
        // of them) is a choice of one whole version: valid, but one side's file.
        if (first.conflicts.some((item) => item.kind === 'file')) return;
        for (const side of [ours, theirs]) {
          // A claim made on either side is there, and a claim both sides kept has both sides' evidence.
          for (const made of side.claims.filter((item) => !claim(BASE, item.id))) expect(claim(merged, made.id)).toBeDefined();
          for (const kept of side.claims.filter((item) => claim(ours, item.id) && claim(theirs, item.id))) {
            for (const evidence of kept.evidence) expect(claim(merged, kept.id)?.evidence.map((item) => item.id)).toContain(evidence.id);
          }
          for (const dismissal of side.dismissed) expect(merged.dismissed.some((item) => item.span.spanId === dismissal.span.spanId && JSON.stringify(item.with) === JSON.stringify(dismissal.with))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
