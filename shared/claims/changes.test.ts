import { describe, expect, it } from 'vitest';
import { isFactmarkError } from '../errors.js';
import { ClaimRegistry, EMPTY_CLAIMS, type ClaimRegistry as Registry } from '../model/claims.js';
import { applyClaimChanges, type ClaimChange } from './changes.js';

const alice = { annotator: 'alice', at: '2026-12-06T10:00:00.000Z' };
const bob = { annotator: 'bob', at: '2026-12-06T11:00:00.000Z' };

function withClaim(): Registry {
  return applyClaimChanges(EMPTY_CLAIMS, [{ kind: 'create', id: 'k_1', wording: 'Today’s transfer was coordinated with the Government of Iraq' }], alice);
}

function refused(registry: Registry, changes: ClaimChange[], actor = alice): string {
  try {
    applyClaimChanges(registry, changes, actor);
  } catch (error) {
    if (isFactmarkError(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
  throw new Error('the change was accepted');
}

describe('the checking workflow', () => {
  it('goes unverified → researching → rated → reviewed, recording who moved it and when', () => {
    let registry = withClaim();
    registry = applyClaimChanges(registry, [{ kind: 'move', claimId: 'k_1', to: 'researching' }], alice);
    registry = applyClaimChanges(registry, [{ kind: 'verdict', claimId: 'k_1', rating: 'mostly-true', explanation: 'The ministry confirms it.' }], alice);
    registry = applyClaimChanges(registry, [{ kind: 'move', claimId: 'k_1', to: 'reviewed', note: 'Checked the sources' }], bob);
    const claim = ClaimRegistry.parse(registry).claims[0];
    expect(claim?.status).toBe('reviewed');
    expect(claim?.verdict).toEqual({ rating: 'mostly-true', explanation: 'The ministry confirms it.', by: 'alice', at: alice.at });
    expect(claim?.signOff).toEqual({ by: 'bob', at: bob.at });
    expect(claim?.history.map((step) => `${step.from}→${step.to} by ${step.by}`)).toEqual(['unverified→researching by alice', 'researching→rated by alice', 'rated→reviewed by bob']);
    expect(claim?.history[2]?.note).toBe('Checked the sources');
  });

  it('needs a verdict to rate, a second person to review, and one step at a time forward', () => {
    const registry = withClaim();
    expect(refused(registry, [{ kind: 'move', claimId: 'k_1', to: 'rated' }])).toMatch(/^BAD_INPUT: A claim moves one step at a time/);
    const researching = applyClaimChanges(registry, [{ kind: 'move', claimId: 'k_1', to: 'researching' }], alice);
    expect(refused(researching, [{ kind: 'move', claimId: 'k_1', to: 'rated' }])).toMatch(/verdict before rating/);
    const rated = applyClaimChanges(researching, [{ kind: 'verdict', claimId: 'k_1', rating: 'false' }], alice);
    expect(refused(rated, [{ kind: 'move', claimId: 'k_1', to: 'reviewed' }], alice)).toMatch(/second person signs off a verdict: alice gave this one/);
  });

  it('takes a reviewed claim back to rated when its verdict changes, and drops the sign-off', () => {
    let registry = applyClaimChanges(withClaim(), [{ kind: 'verdict', claimId: 'k_1', rating: 'false' }], alice);
    registry = applyClaimChanges(registry, [{ kind: 'move', claimId: 'k_1', to: 'reviewed' }], bob);
    registry = applyClaimChanges(registry, [{ kind: 'verdict', claimId: 'k_1', rating: 'mixed' }], alice);
    const claim = registry.claims[0];
    expect(claim?.status).toBe('rated');
    expect(claim?.signOff).toBeUndefined();
    expect(claim?.history.at(-1)).toMatchObject({ from: 'reviewed', to: 'rated', by: 'alice' });
  });

  it('moves back to any earlier step', () => {
    let registry = applyClaimChanges(withClaim(), [{ kind: 'verdict', claimId: 'k_1', rating: 'false' }], alice);
    registry = applyClaimChanges(registry, [{ kind: 'move', claimId: 'k_1', to: 'unverified' }], bob);
    expect(registry.claims[0]?.status).toBe('unverified');
  });
});

describe('edits', () => {
  it('change the fields named, from the values they were made from', () => {
    const registry = applyClaimChanges(withClaim(), [{ kind: 'edit', claimId: 'k_1', set: { wording: 'The transfer was coordinated with Iraq', claimant: { text: 'Brig. Gen. Vincent Barker' } }, base: { wording: 'Today’s transfer was coordinated with the Government of Iraq', claimant: null } }], bob);
    expect(registry.claims[0]).toMatchObject({ wording: 'The transfer was coordinated with Iraq', claimant: { text: 'Brig. Gen. Vincent Barker' }, updatedAt: bob.at });
  });

  it('are refused when someone changed the same field meanwhile, and leave other fields to merge', () => {
    const theirs = applyClaimChanges(withClaim(), [{ kind: 'edit', claimId: 'k_1', set: { wording: 'Theirs' }, base: { wording: 'Today’s transfer was coordinated with the Government of Iraq' } }], bob);
    expect(refused(theirs, [{ kind: 'edit', claimId: 'k_1', set: { wording: 'Mine' }, base: { wording: 'Today’s transfer was coordinated with the Government of Iraq' } }])).toMatch(/^CONFLICT: The claim's wording was changed meanwhile/);
    // Another field, edited from what it was: both changes stay.
    const both = applyClaimChanges(theirs, [{ kind: 'edit', claimId: 'k_1', set: { about: { value: '2020-03-29', text: 'Sunday' } }, base: { about: null } }], alice);
    expect(both.claims[0]).toMatchObject({ wording: 'Theirs', about: { value: '2020-03-29' } });
  });

  it('clear a field with null', () => {
    const registry = applyClaimChanges(withClaim(), [{ kind: 'edit', claimId: 'k_1', set: { note: 'ask the ministry' }, base: { note: null } }], alice);
    const cleared = applyClaimChanges(registry, [{ kind: 'edit', claimId: 'k_1', set: { note: null }, base: { note: 'ask the ministry' } }], alice);
    expect('note' in (cleared.claims[0] ?? {})).toBe(false);
  });
});

describe('evidence, merges and dismissals', () => {
  it('adds and removes evidence with its stance and who added it', () => {
    let registry = applyClaimChanges(withClaim(), [{ kind: 'add-evidence', claimId: 'k_1', id: 'v_1', stance: 'refutes', source: { url: 'https://example.org/statement', title: 'Ministry statement' }, note: 'Says otherwise' }], bob);
    registry = applyClaimChanges(registry, [{ kind: 'add-evidence', claimId: 'k_1', id: 'v_2', stance: 'supports', source: { span: { documentId: 'd_1', annotator: 'alice', spanId: 's_9' }, quote: 'coordinated with Iraq' } }], alice);
    expect(registry.claims[0]?.evidence.map((item) => `${item.id} ${item.stance} by ${item.addedBy}`)).toEqual(['v_1 refutes by bob', 'v_2 supports by alice']);
    registry = applyClaimChanges(registry, [{ kind: 'remove-evidence', claimId: 'k_1', evidenceId: 'v_1' }], alice);
    expect(registry.claims[0]?.evidence.map((item) => item.id)).toEqual(['v_2']);
  });

  it('merges a claim into another, and what was merged into it follows', () => {
    let registry = applyClaimChanges(withClaim(), [{ kind: 'create', id: 'k_2', wording: 'Same' }, { kind: 'create', id: 'k_3', wording: 'Same again' }], alice);
    registry = applyClaimChanges(registry, [{ kind: 'merge', claimId: 'k_3', into: 'k_2' }], alice);
    registry = applyClaimChanges(registry, [{ kind: 'merge', claimId: 'k_2', into: 'k_1' }], alice);
    expect(registry.claims.map((claim) => `${claim.id}→${claim.mergedInto ?? '-'}`)).toEqual(['k_1→-', 'k_2→k_1', 'k_3→k_1']);
    expect(ClaimRegistry.safeParse(registry).success).toBe(true);
    expect(refused(registry, [{ kind: 'merge', claimId: 'k_1', into: 'k_2' }])).toMatch(/already merged into k_1/);
  });

  it('remembers a dismissed match once, whichever way round two spans are named', () => {
    const a = { documentId: 'd_1', annotator: 'alice', spanId: 's_1' };
    const b = { documentId: 'd_2', annotator: 'bob', spanId: 's_7' };
    let registry = applyClaimChanges(EMPTY_CLAIMS, [{ kind: 'dismiss', span: a, with: { span: b } }], alice);
    registry = applyClaimChanges(registry, [{ kind: 'dismiss', span: b, with: { span: a } }], bob);
    expect(registry.dismissed).toHaveLength(1);
  });

  it('applies a batch all or nothing', () => {
    const registry = withClaim();
    expect(refused(registry, [{ kind: 'create', id: 'k_2', wording: 'New' }, { kind: 'move', claimId: 'k_404', to: 'researching' }])).toMatch(/^NOT_FOUND/);
    expect(registry.claims).toHaveLength(1);
  });
});
