/**
 * Benchmark: a sync of a 2,000-document project with one changed layer, against a real
 * git server on this machine (git http-backend behind tests/helpers/git-server.ts, the
 * one the sync tests use). Goal (issue "Team sync through git"): within 2 s.
 *
 * Alice shares a project of 2,000 documents (3 KB of text and 20 spans each: 2,000
 * documents and 2,000 layer files), bob clones it. Then, RUNS times: alice adds a span to
 * one layer and syncs (commit, fetch, push: "send"); bob syncs (fetch, merge, write the
 * file: "receive"); bob syncs again with nothing new. Each step's time is recorded, so
 * what limits a sync can be read off the results.
 *
 *   node --import tsx bench/sync.ts      (BENCH_RUNS, BENCH_DOCUMENTS)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ProjectStore } from '../main/store/project-store.js';
import { cloneProject } from '../main/sync/clone.js';
import { CredentialStore } from '../main/sync/credentials.js';
import { syncFolder, type SyncReport } from '../main/sync/engine.js';
import { startGitServer } from '../tests/helpers/git-server.js';
import { wordSpan } from '../tests/helpers/sync-project.js';
import { writeBenchProject } from './corpus.js';
import { recordResults } from './record.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 2000);
const BUDGET_MS = 2000;
const TOKEN = 'bench-token';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] as number;

async function main(): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'factmark-sync-bench-'));
  const server = await startGitServer({ root: path.join(root, 'server'), token: TOKEN });
  try {
    await server.createRepo('bench');
    const url = server.url('bench');
    const credentials = await CredentialStore.load(null, { env: { FACTMARK_GIT_TOKEN: TOKEN } });
    const alice = path.join(root, 'alice');
    const bob = path.join(root, 'bob');
    console.log(`bench: writing ${DOCUMENTS} documents with a layer each`);
    const documents = await writeBenchProject(
      alice,
      Array.from({ length: DOCUMENTS }, (_, i) => ({ name: `Article ${i}`, bytes: 3000, spans: 20, seed: i + 1 })),
      'alice',
    );
    let started = performance.now();
    const shared = await syncFolder(alice, { annotator: 'alice', remote: url, credentials });
    const shareMs = performance.now() - started;
    console.log(`bench: shared in ${shareMs.toFixed(0)} ms: ${shared.committed}`);
    started = performance.now();
    await cloneProject(bob, url, credentials);
    const cloneMs = performance.now() - started;
    console.log(`bench: cloned in ${cloneMs.toFixed(0)} ms`);

    const runs = { send: [] as number[], receive: [] as number[], nothing: [] as number[] };
    const steps: Record<string, number[]> = {};
    const keep = (side: string, report: SyncReport) => {
      for (const [step, ms] of Object.entries(report.timings)) (steps[`${side} ${step}`] ??= []).push(ms);
    };
    const store = await ProjectStore.open(alice);
    for (let run = 0; run < RUNS; run++) {
      const chosen = documents[(run * 37) % documents.length];
      if (!chosen) throw new Error('no documents');
      const document = await store.readDocument(chosen.id);
      await store.updateLayer(document.id, 'alice', ({ layer }) => ({ ...layer, spans: [...layer.spans, wordSpan(document.text, 5 + run, 'claim', `bench-${run}`)] }), document);
      let at = performance.now();
      const sent = await syncFolder(alice, { annotator: 'alice', credentials });
      runs.send.push(performance.now() - at);
      keep('send', sent);
      at = performance.now();
      const received = await syncFolder(bob, { annotator: 'bob', credentials });
      runs.receive.push(performance.now() - at);
      keep('receive', received);
      if (!sent.sent || received.received !== 1) throw new Error(`run ${run}: sent ${sent.sent}, received ${received.received} files`);
      at = performance.now();
      await syncFolder(bob, { annotator: 'bob', credentials });
      runs.nothing.push(performance.now() - at);
      console.log(`bench: run ${run + 1}/${RUNS}: send ${runs.send.at(-1)?.toFixed(0)} ms, receive ${runs.receive.at(-1)?.toFixed(0)} ms, nothing new ${runs.nothing.at(-1)?.toFixed(0)} ms`);
    }
    const row = (what: string, values: number[]) => ({ what, value: `${median(values).toFixed(0)} ms`, budget: `≤ ${BUDGET_MS} ms`, ok: median(values) <= BUDGET_MS });
    const step = (name: string) => (steps[name] ? `${median(steps[name]).toFixed(0)}` : '0');
    await recordResults('sync', {
      title: `Sync of a ${DOCUMENTS.toLocaleString('en')}-document project with one changed layer (bench/sync.ts)`,
      runs: RUNS,
      method: `Median of ${RUNS} runs, against git http-backend (git ${process.env.GIT_VERSION ?? 'from Debian'}) behind a Node server on 127.0.0.1 in the same process.`,
      rows: [
        row(`Send: alice's one changed layer committed, fetched, pushed (commit ${step('send commit')} + fetch ${step('send fetch')} + merge ${step('send merge')} + push ${step('send push')} ms)`, runs.send),
        row(`Receive: bob fetches it, merges, writes the file (commit check ${step('receive commit')} + fetch ${step('receive fetch')} + merge and write ${step('receive merge')} ms)`, runs.receive),
        row('Nothing new on either side', runs.nothing),
        { what: `First share of the project (${(DOCUMENTS * 2).toLocaleString('en')} files)`, value: `${(shareMs / 1000).toFixed(1)} s`, budget: '—', ok: true },
        { what: 'Clone of it by a colleague', value: `${(cloneMs / 1000).toFixed(1)} s`, budget: '—', ok: true },
      ],
      raw: { ...runs, ...steps },
    });
  } finally {
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
