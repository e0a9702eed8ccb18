/**
 * Alice and bob, two clones of one project, edit in parallel for 100 random rounds —
 * spans added, changed and removed, labels renamed (their names, and their ids, which
 * relabels spans in every layer), recoloured and added, entities made and renamed, claims
 * made, given verdicts and evidence, moved along the workflow and deleted, match proposals
 * turned down, claim spans linked to claims through their claimId attribute — and sync at
 * random moments against a real git server (git http-backend on 127.0.0.1). A true
 * conflict is answered as a person would, with a random choice. At the end: no span that
 * its annotator still had is lost, no claim its maker did not delete and no turned-down
 * proposal is lost, every file of the project is valid (every claim link points at a
 * claim), and both folders are identical, with nothing left to commit.
 *
 * SYNC_ROUNDS and SYNC_SEED change the number of rounds and the seed (printed on failure).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncConflict, SyncResult } from '../../../shared/api.js';
import type { ClaimChange } from '../../../shared/claims/changes.js';
import { isFactmarkError } from '../../../shared/errors.js';
import { RATINGS, type ClaimRegistry } from '../../../shared/model/claims.js';
import type { LabelDef } from '../../../shared/model/labels.js';
import { FactmarkService } from '../../../main/service.js';
import { validateProject } from '../../../main/store/validate.js';
import { CredentialStore } from '../../../main/sync/credentials.js';
import { startGitServer, type GitServer } from '../../helpers/git-server.js';
import { projectFiles, seedProject, wordSpan } from '../../helpers/sync-project.js';
import { random } from '../../helpers/random.js';
import { tempDir } from '../../helpers/temp.js';

const ROUNDS = Number(process.env.SYNC_ROUNDS ?? 100);
const SEED = Number(process.env.SYNC_SEED ?? 20261122);
const TOKEN = 'rounds-token';


let server: GitServer;
beforeAll(async () => {
  server = await startGitServer({ root: path.join(await tempDir('factmark-rounds-'), 'server'), token: TOKEN });
});
afterAll(async () => server.close());

interface Person {
  name: string;
  dir: string;
  service: FactmarkService;
  /** Span ids in this person's own layers, by document, as this person last left them. */
  alive: Map<string, Set<string>>;
  /** Claims this person made and has not deleted. */
  claims: Set<string>;
  /** Match proposals this person turned down (span id → claim id). */
  dismissed: Set<string>;
  counter: number;
}

/** A claim both make verdicts on halfway: made by alice before bob joins, never deleted. */
const SHARED_CLAIM = 'shared-claim';

describe('alice and bob in parallel', () => {
  it(`edit and sync for ${ROUNDS} random rounds (seed ${SEED}): nothing lost, every file valid, both trees identical`, async () => {
    const next = random(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    await server.createRepo('rounds');
    const url = server.url('rounds');
    const root = await tempDir();
    const credentials = await CredentialStore.load(null, { env: { FACTMARK_GIT_TOKEN: TOKEN } });
    const { ids } = await seedProject(path.join(root, 'alice'), 4);
    let clock = Date.parse('2026-11-22T10:00:00.000Z');
    const now = () => new Date((clock += 1000));
    const person = async (name: string): Promise<Person> => {
      const service = new FactmarkService({ credentials, now });
      return { name, dir: path.join(root, name), service, alive: new Map(), claims: new Set(), dismissed: new Set(), counter: 0 };
    };
    const alice = await person('alice');
    await alice.service.openProject({ dir: alice.dir });
    await alice.service.changeClaims({ annotator: 'alice', changes: [{ kind: 'create', id: SHARED_CLAIM, wording: 'About 300 personnel departed the base' }] });
    alice.claims.add(SHARED_CLAIM);
    await alice.service.syncProjectAs({ annotator: 'alice', remote: url });
    const bob = await person('bob');
    await bob.service.cloneProject({ dir: bob.dir, remote: url });
    const log: string[] = [];
    const met: SyncConflict[] = [];

    /** A sync as a person would do it: conflicts shown are answered, and the sync run again. */
    const sync = async (who: Person): Promise<void> => {
      let result: SyncResult = await who.service.syncProjectAs({ annotator: who.name });
      for (let tries = 0; result.outcome === 'conflicts'; tries++) {
        expect(tries, `${who.name} keeps meeting conflicts`).toBeLessThan(5);
        met.push(...result.conflicts);
        const resolutions = Object.fromEntries(result.conflicts.map((conflict) => [conflict.id, pick(['ours', 'theirs'] as const)]));
        log.push(`${who.name} resolves ${result.conflicts.map((conflict) => `${conflict.file} ${conflict.where}`).join(', ')}`);
        result = await who.service.syncProjectAs({ annotator: who.name, resolutions });
      }
      expect(result.outcome, `${who.name}'s sync`).toBe('synced');
      log.push(`${who.name} syncs: ${result.committed ?? 'nothing to commit'}; received ${result.received}`);
    };

    const editLayer = async (who: Person, change: (spans: ReturnType<typeof wordSpan>[], text: string) => ReturnType<typeof wordSpan>[]) => {
      const documentId = pick(ids);
      const view = await who.service.getDocument({ documentId, annotator: who.name });
      const spans = change(view.layer.spans, view.document.text);
      await who.service.saveLayer({ documentId, annotator: who.name, baseStamp: view.stamp, spans, relations: view.layer.relations, status: spans.length ? 'in-progress' : view.layer.status });
      who.alive.set(documentId, new Set(spans.map((span) => span.id)));
    };
    const labels = async (who: Person): Promise<LabelDef[]> => ((await who.service.getProject({})) as { manifest: { labels: LabelDef[] } }).manifest.labels;
    const changeLabels = async (who: Person, change: (labels: LabelDef[]) => { labels: LabelDef[]; renames?: Record<string, string> } | null) => {
      const planned = change(structuredClone(await labels(who)));
      if (!planned) return;
      await who.service.updateLabelSchema({ labels: planned.labels, renames: planned.renames ?? {} });
    };

    /** A change to claims.json as the app sends it; one the workflow or the file refuses (a step skipped, a claim still linked) is not made, here as there. */
    const changeClaims = async (who: Person, changes: ClaimChange[]): Promise<boolean> => {
      try {
        await who.service.changeClaims({ annotator: who.name, changes });
        return true;
      } catch (error) {
        if (isFactmarkError(error) && ['BAD_INPUT', 'CONFLICT', 'NOT_FOUND'].includes(error.code)) return false;
        throw error;
      }
    };
    const someClaim = async (who: Person): Promise<string | null> => {
      const claims = (await who.service.listClaims({})).filter((claim) => claim.mergedInto === undefined);
      return claims.length ? pick(claims).id : null;
    };
    const onSomeClaim = async (who: Person, change: (claimId: string) => ClaimChange) => {
      const claimId = await someClaim(who);
      if (claimId) await changeClaims(who, [change(claimId)]);
    };
    /** A claim span linked to a claim: a new span with its claimId attribute, or an existing one linked as the match inbox links it. */
    const linkClaim = async (who: Person) => {
      const claimId = await someClaim(who);
      const label = (await labels(who)).find((item) => item.attributes.some((attribute) => attribute.id === 'claimId'))?.id;
      if (!claimId || !label) return;
      if (next() < 0.5) {
        await editLayer(who, (spans, text) => [...spans, { ...wordSpan(text, Math.floor(next() * 60), label, `${who.name}-${++who.counter}`, now().toISOString()), attributes: { claimId } }]);
        return;
      }
      const documentId = pick(ids);
      const spans = (await who.service.getLayer({ documentId, annotator: who.name })).layer.spans.filter((span) => span.label === label);
      if (spans.length) await who.service.linkClaimSpans({ annotator: who.name, links: [{ documentId, spanId: pick(spans).id, claimId }] });
    };

    const actions: [number, (who: Person) => Promise<void>][] = [
      [
        30,
        async (who) => {
          // A label of the schema as this person has it now (ids change with renames).
          const label = pick(await labels(who)).id;
          await editLayer(who, (spans, text) => [...spans, wordSpan(text, Math.floor(next() * 60), label, `${who.name}-${++who.counter}`, now().toISOString())]);
        },
      ],
      [12, (who) => editLayer(who, (spans) => (spans.length ? spans.map((span, i) => (i === Math.floor(next() * spans.length) ? { ...span, note: `${who.name} ${who.counter++}`, updatedAt: now().toISOString() } : span)) : spans))],
      [8, (who) => editLayer(who, (spans) => spans.filter((_, i, all) => i !== Math.floor(next() * all.length)))],
      [8, (who) => changeLabels(who, (list) => ({ labels: list.map((label, i) => (i === Math.floor(next() * list.length) ? { ...label, name: `${label.name.split(' ')[0]} ${who.name}${who.counter++}` } : label)) }))],
      [5, (who) => changeLabels(who, (list) => ({ labels: list.map((label, i) => (i === 0 ? { ...label, color: { ...label.color, light: pick(['#112233', '#445566', '#778899']) } } : label)) }))],
      [
        4,
        (who) =>
          changeLabels(who, (list) => {
            const taken = new Set(list.map((label) => label.key));
            const key = [...'456789abcdefg'].find((candidate) => !taken.has(candidate));
            return key ? { labels: [...list, { id: `${who.name}-label-${who.counter++}`, name: 'Extra', key, color: { light: '#224466', dark: '#88aacc' }, attributes: [] }] } : null;
          }),
      ],
      [
        3,
        (who) =>
          changeLabels(who, (list) => {
            const target = pick(list);
            const id = `${target.id.split('~')[0]}~${who.name}${who.counter++}`;
            return { labels: list.map((label) => (label.id === target.id ? { ...label, id } : label)), renames: { [target.id]: id } };
          }),
      ],
      [8, async (who) => void (await who.service.createEntity({ name: pick(['K-1 air base', 'Kirkuk', 'The coalition', 'Baghdad']), kind: pick(['location', 'facility', 'organization']) }))],
      [
        5,
        async (who) => {
          const id = `${who.name}-claim-${who.counter++}`;
          if (await changeClaims(who, [{ kind: 'create', id, wording: pick(['Rockets hit the base on Sunday', 'About 300 personnel departed', 'Forces left Kirkuk']) }])) who.claims.add(id);
        },
      ],
      [6, (who) => onSomeClaim(who, (claimId) => ({ kind: 'verdict', claimId, rating: pick(RATINGS) }))],
      [3, (who) => onSomeClaim(who, (claimId) => ({ kind: 'move', claimId, to: pick(['unverified', 'researching', 'rated', 'reviewed'] as const) }))],
      [7, linkClaim],
      [2, (who) => onSomeClaim(who, (claimId) => ({ kind: 'add-evidence', claimId, id: `${who.name}-evidence-${who.counter++}`, stance: pick(['supports', 'refutes', 'context'] as const), source: { url: 'https://example.org/report' } }))],
      [
        2,
        async (who) => {
          const claimId = await someClaim(who);
          const spanId = `span-${Math.floor(next() * 5)}`;
          const dismiss: ClaimChange = { kind: 'dismiss', span: { documentId: pick(ids), annotator: who.name, spanId }, with: { claimId: claimId ?? SHARED_CLAIM } };
          if (await changeClaims(who, [dismiss])) who.dismissed.add(`${dismiss.span.documentId}/${spanId}→${claimId ?? SHARED_CLAIM}`);
        },
      ],
      [
        1,
        async (who) => {
          const mine = [...who.claims].filter((id) => id !== SHARED_CLAIM);
          const claimId = mine.length ? pick(mine) : null;
          if (claimId && (await changeClaims(who, [{ kind: 'delete', claimId }]))) who.claims.delete(claimId);
        },
      ],
    ];
    const twoVerdicts = async () => {
      expect(await changeClaims(alice, [{ kind: 'verdict', claimId: SHARED_CLAIM, rating: 'true', explanation: 'Confirmed by the ministry' }])).toBe(true);
      expect(await changeClaims(bob, [{ kind: 'verdict', claimId: SHARED_CLAIM, rating: 'false', explanation: 'Only 200 left' }])).toBe(true);
    };
    const total = actions.reduce((sum, [weight]) => sum + weight, 0);
    const act = async (who: Person) => {
      let roll = next() * total;
      for (const [weight, action] of actions) {
        roll -= weight;
        if (roll < 0) return action(who);
      }
    };

    try {
      for (let round = 0; round < ROUNDS; round++) {
        for (const who of [alice, bob]) for (let n = 1 + Math.floor(next() * 2); n > 0; n--) await act(who);
        if (round === Math.floor(ROUNDS / 2)) {
          // Halfway, whatever the seed: the first label renamed two ways, a true conflict.
          for (const who of [alice, bob]) await changeLabels(who, (list) => ({ labels: list.map((label, i) => (i === 0 ? { ...label, name: `Named by ${who.name}` } : label)) }));
          // And one claim given two verdicts.
          await twoVerdicts();
        }
        const order = next() < 0.5 ? [alice, bob] : [bob, alice];
        for (const who of order) if (next() < 0.55) await sync(who);
      }
      // Everyone syncs until there is nothing left between them.
      await sync(alice);
      await sync(bob);
      await sync(alice);
    } catch (error) {
      throw new Error(`seed ${SEED}: ${(error as Error).message}\n${log.slice(-20).join('\n')}`);
    }

    // Both trees identical, nothing left to commit in either.
    const files = projectFiles(alice.dir);
    expect(projectFiles(bob.dir)).toEqual(files);
    for (const who of [alice, bob]) expect(execFileSync('git', ['-C', who.dir, 'status', '--porcelain'], { encoding: 'utf8' }), who.name).toBe('');
    // Every file valid, every span fits its text and its label is in the schema.
    const report = await validateProject(alice.dir);
    expect(report.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    // No span lost: each annotator's spans, as they last left them, are all there.
    for (const who of [alice, bob]) {
      for (const [documentId, spans] of who.alive) {
        const final = new Set((await alice.service.getLayer({ documentId, annotator: who.name })).layer.spans.map((span) => span.id));
        for (const id of spans) expect(final.has(id), `${who.name}'s span ${id} on ${documentId}`).toBe(true);
      }
    }
    // No claim lost: each one its maker has not deleted is there.
    const finalClaims = new Set((await alice.service.listClaims({})).map((claim) => claim.id));
    for (const who of [alice, bob]) for (const id of who.claims) expect(finalClaims.has(id), `${who.name}'s claim ${id}`).toBe(true);
    // Nor a match proposal turned down: what either turned down stays turned down.
    const claimsFile = JSON.parse(readFileSync(path.join(alice.dir, 'claims.json'), 'utf8')) as ClaimRegistry;
    const dismissed = new Set(claimsFile.dismissed.map((item) => `${item.span.documentId}/${item.span.spanId}→${'claimId' in item.with ? item.with.claimId : ''}`));
    for (const who of [alice, bob]) for (const key of who.dismissed) expect(dismissed.has(key), `${who.name} turned down ${key}`).toBe(true);
    // The rounds did what they say: conflicts met and answered (a verdict given two ways among them), work from both sides.
    expect(log.some((line) => line.includes('resolves'))).toBe(true);
    // The two verdicts met as one conflict between the two whole verdicts; claims.json is
    // never asked about inside a verdict, nor about what both sides only add to.
    const claimConflicts = met.filter((conflict) => conflict.file === 'claims.json');
    expect(claimConflicts.some((conflict) => conflict.where === 'Claim “About 300 personnel departed the base” › verdict' && [conflict.ours, conflict.theirs].map((verdict) => (verdict as { rating?: string } | undefined)?.rating).sort().join() === 'false,true')).toBe(true);
    for (const conflict of claimConflicts) expect(conflict.path.slice(2).join('/'), conflict.where).toMatch(/^(verdict|status|signOff)$/);
    const links = (await Promise.all(ids.flatMap((documentId) => [alice, bob].map(async (who) => (await alice.service.getLayer({ documentId, annotator: who.name })).layer.spans)))).flat().filter((span) => typeof span.attributes.claimId === 'string');
    expect(links.length, 'claim spans linked').toBeGreaterThan(0);
    expect([...alice.alive.values(), ...bob.alive.values()].reduce((sum, spans) => sum + spans.size, 0)).toBeGreaterThan(20);
  }, 240_000);
});
