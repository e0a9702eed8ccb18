/**
 * Two sessions saving one annotator's layer through two browser-mode servers (separate
 * processes) on one project folder: a save based on a version that is no longer on disk
 * is refused, and a session that merges and saves again loses nothing.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse, ApiResults, LayerView } from '../../../shared/api.js';
import type { Span } from '../../../shared/model/annotations.js';
import type { LabelDef } from '../../../shared/model/labels.js';
import { mergeLayers, type LayerContent } from '../../../shared/model/layer-merge.js';
import { createSpan, insertSpan } from '../../../shared/model/spans.js';
import { createOffsetIndex } from '../../../shared/text/offsets.js';
import { EXAMPLE_DOC_ID } from '../../helpers/example.js';
import { exampleProject } from '../../helpers/paths.js';
import { copyProject, tempDir } from '../../helpers/temp.js';
import { startWebProcess, type WebProcess } from '../../helpers/web-process.js';

const WHO = 'carol';
let dir: string;
let servers: WebProcess[];

beforeAll(async () => {
  dir = await copyProject(exampleProject);
  servers = [await startWebProcess(dir, await tempDir()), await startWebProcess(dir, await tempDir())];
}, 30_000);
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

type Result<M extends keyof ApiResults> = ApiResponse<M & keyof ApiResults>;
async function call<M extends keyof ApiResults>(server: WebProcess, method: M, params: unknown): Promise<Result<M>> {
  const url = new URL(server.url);
  const response = await fetch(new URL(`/api/${method}`, url), { method: 'POST', headers: { 'content-type': 'application/json', 'x-factmark-token': url.searchParams.get('token') ?? '' }, body: JSON.stringify(params) });
  return (await response.json()) as Result<M>;
}
async function result<M extends keyof ApiResults>(server: WebProcess, method: M, params: unknown): Promise<ApiResults[M]> {
  const response = await call(server, method, params);
  if (!response.ok) throw new Error(`${method}: ${response.error.message}`);
  return response.result as ApiResults[M];
}

const content = (view: LayerView): LayerContent => ({ spans: view.layer.spans, relations: view.layer.relations, status: view.layer.status });
const layerFile = () => path.join(dir, 'annotations', WHO, `${EXAMPLE_DOC_ID}.json`);

describe('saves that know what they replace', () => {
  it('refuses a save that names no version, or a version no longer on disk, and leaves the file as it is', async () => {
    const [one] = servers as [WebProcess];
    const view = await result(one, 'getDocument', { documentId: EXAMPLE_DOC_ID, annotator: 'alice' });
    const noVersion = await call(one, 'saveLayer', { documentId: EXAMPLE_DOC_ID, annotator: 'alice', spans: [] });
    expect(noVersion).toMatchObject({ ok: false, error: { code: 'INVALID', message: expect.stringContaining('baseStamp') } });
    const file = path.join(dir, 'annotations/alice', `${EXAMPLE_DOC_ID}.json`);
    const before = [await readFile(file), (await stat(file)).mtimeMs];
    const stale = await call(one, 'saveLayer', { documentId: EXAMPLE_DOC_ID, annotator: 'alice', baseStamp: 'a'.repeat(24), spans: view.layer.spans.slice(1) });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('has changed since it was read') } });
    const asIfNew = await call(one, 'saveLayer', { documentId: EXAMPLE_DOC_ID, annotator: 'alice', baseStamp: null, spans: [] });
    expect(asIfNew).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect([await readFile(file), (await stat(file)).mtimeMs]).toEqual(before);
  });

  it('keeps every span of 200 saves interleaved from two sessions on two servers', async () => {
    const first = await result(servers[0]!, 'getDocument', { documentId: EXAMPLE_DOC_ID, annotator: WHO });
    const index = createOffsetIndex(first.document.text);
    const project = await result(servers[0]!, 'getProject', {});
    const entity = project?.manifest.labels.find((label) => label.id === 'entity') as LabelDef;
    const words = [...first.document.text.matchAll(/\p{L}{3,}/gu)];
    let conflicts = 0;

    async function session(server: WebProcess, name: string, rounds: number): Promise<string[]> {
      const opened = await result(server, 'getLayer', { documentId: EXAMPLE_DOC_ID, annotator: WHO });
      let base = { content: content(opened), stamp: opened.stamp };
      let mine = base.content;
      const acknowledged: string[] = [];
      for (let round = 0; round < rounds; round++) {
        const word = words[(round * 13 + name.length * 7) % words.length]!;
        const start = index.toCodePoint(word.index);
        const span: Span = createSpan(index, { start, end: start + [...word[0]].length }, entity, `s_${name}_${round}`, new Date());
        mine = { ...mine, spans: insertSpan(mine.spans, span), status: 'in-progress' };
        for (;;) {
          const saved = await call(server, 'saveLayer', { documentId: EXAMPLE_DOC_ID, annotator: WHO, baseStamp: base.stamp, ...mine });
          if (saved.ok) {
            base = { content: mine, stamp: saved.result.stamp };
            acknowledged.push(span.id);
            break;
          }
          expect(saved.error.code).toBe('CONFLICT');
          conflicts++;
          const theirs = await result(server, 'getLayer', { documentId: EXAMPLE_DOC_ID, annotator: WHO });
          mine = mergeLayers(base.content, mine, content(theirs)).merged;
          base = { content: content(theirs), stamp: theirs.stamp };
        }
      }
      return acknowledged;
    }

    const [a, b] = await Promise.all([session(servers[0]!, 'a', 100), session(servers[1]!, 'b', 100)]);
    expect(a.length + b.length).toBe(200);
    const onDisk = JSON.parse(await readFile(layerFile(), 'utf8')) as { spans: { id: string }[] };
    expect(onDisk.spans.map((span) => span.id).sort()).toEqual([...a, ...b].sort());
    // The two really did meet: otherwise this proves nothing.
    expect(conflicts).toBeGreaterThan(0);
  }, 120_000);
});
