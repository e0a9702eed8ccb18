/**
 * `factmark sync` as a person runs it (the built dist/cli.cjs), against a real git
 * server: clone into a new folder, sync with a readable result, a conflict shown with
 * its id and both versions (exit 1), answered with --choose; a token saved from standard
 * input, owner-only, outside the project.
 */
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncResult } from '../../../shared/api.js';
import { applyClaimChanges } from '../../../shared/claims/changes.js';
import { ProjectStore } from '../../../main/store/project-store.js';
import { cliPath } from '../../helpers/cli.js';
import { startGitServer, type GitServer } from '../../helpers/git-server.js';
import { seedProject } from '../../helpers/sync-project.js';
import { tempDir } from '../../helpers/temp.js';

const TOKEN = 'cli-token-42';
let server: GitServer;
beforeAll(async () => {
  server = await startGitServer({ root: path.join(await tempDir('factmark-cli-git-'), 'server'), token: TOKEN });
});
afterAll(async () => server.close());

/** The CLI in its own process (asynchronously: the git server runs in this one). */
function factmark(args: string[], env: NodeJS.ProcessEnv, input = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('factmark sync', () => {
  it('shares, clones, syncs, shows a conflict with both versions, and takes the choice', async () => {
    await server.createRepo('cli');
    const url = server.url('cli');
    const root = await tempDir();
    const data = path.join(root, 'data');
    const alice = path.join(root, 'alice');
    const { store: seeded } = await seedProject(alice, 2);
    await seeded.updateClaims((registry) => applyClaimChanges(registry, [{ kind: 'create', id: 'c_troops', wording: '300 personnel left K-1' }], { annotator: 'alice', at: '2026-12-06T10:00:00.000Z' }));
    // The token comes from standard input, never the command line, and stays out of the project.
    const shared = await factmark(['sync', alice, '--remote', url, '--annotator', 'alice', '--save-token'], { FACTMARK_DATA_DIR: data }, `${TOKEN}\n`);
    expect(shared, shared.stderr).toMatchObject({ code: 0 });
    expect(shared.stdout).toContain('Committed: alice: project shared; 2 documents imported; 1 claim changed');
    expect(shared.stdout).toContain(`Sent to ${url}`);
    expect(statSync(path.join(data, 'credentials.json')).mode & 0o777).toBe(0o600);

    const env = { FACTMARK_GIT_TOKEN: TOKEN, FACTMARK_DATA_DIR: path.join(root, 'bob-data') };
    const bob = path.join(root, 'bob');
    const cloned = await factmark(['sync', bob, '--remote', url], env);
    expect(cloned.code, cloned.stderr).toBe(0);
    expect(cloned.stdout).toBe(`Cloned ${url} into ${bob}: 2 documents\n`);

    // A label renamed two ways, and a claim given two verdicts.
    for (const [dir, name, who, rating] of [[alice, 'Assertion', 'alice', 'true'], [bob, 'Statement', 'bob', 'false']] as const) {
      const store = await ProjectStore.open(dir);
      await store.writeManifest({ ...store.manifest, labels: store.manifest.labels.map((label) => (label.id === 'claim' ? { ...label, name } : label)) });
      await store.updateClaims((registry) => applyClaimChanges(registry, [{ kind: 'verdict', claimId: 'c_troops', rating, explanation: `${who}'s reading` }], { annotator: who, at: '2026-12-06T10:05:00.000Z' }));
    }
    expect((await factmark(['sync', alice, '--annotator', 'alice'], { FACTMARK_DATA_DIR: data })).code).toBe(0);
    const met = await factmark(['sync', bob, '--annotator', 'bob'], env);
    expect(met.code).toBe(1);
    const id = /^ {2}(c[a-z0-9]+) {2}factmark\.json: Label “Statement” › name$/m.exec(met.stdout)?.[1];
    expect(id, met.stdout).toBeDefined();
    expect(met.stdout).toContain('yours:  "Statement"');
    expect(met.stdout).toContain('theirs: "Assertion"');
    const verdict = /^ {2}(c[a-z0-9]+) {2}claims\.json: Claim “300 personnel left K-1” › verdict\n {6}yours: {2}false "bob's reading" \(by bob, 2026-12-06T10:05:00\.000Z\)\n {6}theirs: true "alice's reading" \(by alice, /m.exec(met.stdout)?.[1];
    expect(verdict, met.stdout).toBeDefined();
    const chosen = await factmark(['sync', bob, '--annotator', 'bob', '--choose', `${id}=ours`, '--choose', `${verdict}=theirs`, '--json'], env);
    expect(chosen.code, chosen.stderr).toBe(0);
    const result = JSON.parse(chosen.stdout) as SyncResult;
    expect(result).toMatchObject({ outcome: 'synced', sent: true, conflicts: [] });
    expect(JSON.parse(readFileSync(path.join(bob, 'factmark.json'), 'utf8')).labels[0].name).toBe('Statement');
    expect(JSON.parse(readFileSync(path.join(bob, 'claims.json'), 'utf8')).claims[0].verdict).toMatchObject({ rating: 'true', by: 'alice' });
  });
});
