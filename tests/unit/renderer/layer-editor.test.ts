/**
 * Two windows editing one annotator's layer, each through its own service (as two
 * browser-mode servers, or Electron beside the CLI, would be) on one real project folder.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FactmarkService } from '../../../main/service.js';
import type { LabelDef } from '../../../shared/model/labels.js';
import { createSpan, insertSpan } from '../../../shared/model/spans.js';
import { createOffsetIndex } from '../../../shared/text/offsets.js';
import { unwrap } from '../../../renderer/src/api/client.js';
import { LayerEditor, type Synced } from '../../../renderer/src/annotate/layer-editor.js';
import { EXAMPLE_DOC_ID } from '../../helpers/example.js';
import { exampleProject } from '../../helpers/paths.js';
import { copyProject } from '../../helpers/temp.js';

const WHO = 'carol';

/** A window: its own service over the folder, and an editor on carol's layer. */
async function openWindow(dir: string) {
  const service = new FactmarkService();
  await service.openProject({ dir });
  const view = await service.getDocument({ documentId: EXAMPLE_DOC_ID, annotator: WHO });
  const index = createOffsetIndex(view.document.text);
  const entity = (await service.getProject({}))?.manifest.labels.find((label) => label.id === 'entity') as LabelDef;
  const call = async <M extends 'saveLayer' | 'getLayer'>(method: M, params: Parameters<FactmarkService[M]>[0]) => unwrap(await service.respond(method, params));
  const toSynced = (layer: typeof view): Synced => ({ state: { spans: layer.layer.spans, relations: layer.layer.relations, status: layer.layer.status }, stamp: layer.stamp });
  const merges: string[] = [];
  const editor = new LayerEditor({
    initial: toSynced(view),
    save: async (state, baseStamp) => (await call('saveLayer', { documentId: EXAMPLE_DOC_ID, annotator: WHO, baseStamp, spans: state.spans, relations: state.relations, status: state.status })).stamp,
    load: async () => toSynced({ ...view, ...(await call('getLayer', { documentId: EXAMPLE_DOC_ID, annotator: WHO })) }),
    onStatus: () => undefined,
    onChange: () => undefined,
    onMerged: (message) => merges.push(message),
    // Saves happen where the test says (flush, a disk check), in the order it says: an
    // autosave firing on its own would let the second window save first, at random.
    autosave: { delayMs: 60_000 },
  });
  let n = 0;
  /** Tags the `nth` word of the text as an entity. */
  const tag = (id: string, nth: number) => {
    const words = [...view.document.text.matchAll(/\p{L}{4,}/gu)];
    const word = words[nth % words.length]!;
    const start = index.toCodePoint(word.index);
    const span = createSpan(index, { start, end: start + word[0].length }, entity, id, new Date(Date.UTC(2026, 11, 6, 10, 0, n++)));
    editor.apply((layer) => ({ ...layer, spans: insertSpan(layer.spans, span) }));
  };
  const diskStamp = async () => (await service.getStamps({ documentId: EXAMPLE_DOC_ID })).layers[WHO] ?? null;
  return { editor, tag, merges, diskStamp };
}

async function spanIdsOnDisk(dir: string): Promise<string[]> {
  const layer = JSON.parse(await readFile(path.join(dir, 'annotations', WHO, `${EXAMPLE_DOC_ID}.json`), 'utf8')) as { spans: { id: string }[] };
  return layer.spans.map((span) => span.id).sort();
}

describe('two windows saving one layer', () => {
  it('merges the second save with the first instead of replacing it, and says so', async () => {
    const dir = await copyProject(exampleProject);
    const [a, b] = [await openWindow(dir), await openWindow(dir)];
    a.tag('s_a', 3);
    b.tag('s_b', 9);
    await a.editor.flush();
    await b.editor.flush();
    expect(await spanIdsOnDisk(dir)).toEqual(['s_a', 's_b']);
    expect(b.merges).toEqual(['Another window or program saved this layer; your change was merged with it.']);
    expect(b.editor.layer.spans.map((span) => span.id).sort()).toEqual(['s_a', 's_b']);
    expect(b.editor.stamp).toBe(await b.diskStamp());

    // The first window takes in the second's span when it sees the file change; its undo
    // then takes back its own span only.
    await a.editor.noticeDiskStamp(await a.diskStamp());
    expect(a.editor.layer.spans.map((span) => span.id).sort()).toEqual(['s_a', 's_b']);
    expect(a.merges).toEqual([]);
    a.editor.undo();
    await a.editor.flush();
    expect(await spanIdsOnDisk(dir)).toEqual(['s_b']);
  });

  it('loses nothing over rounds of edits, saves and disk checks in any order', async () => {
    const dir = await copyProject(exampleProject);
    const windows = [await openWindow(dir), await openWindow(dir)];
    const tagged: string[] = [];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 40; round++) {
      const window = windows[Math.floor(random() * 2)]!;
      const id = `s_${round}`;
      window.tag(id, round * 7);
      tagged.push(id);
      const action = random();
      if (action < 0.4) await window.editor.flush();
      else if (action < 0.6) await window.editor.noticeDiskStamp(await window.diskStamp());
      // otherwise the change waits, as it would in a window whose autosave has not run yet
    }
    await Promise.all(windows.map((window) => window.editor.flush()));
    for (const window of windows) await window.editor.noticeDiskStamp(await window.diskStamp());
    expect(await spanIdsOnDisk(dir)).toEqual([...tagged].sort());
    for (const window of windows) expect(window.editor.layer.spans.map((span) => span.id).sort()).toEqual([...tagged].sort());
    expect(windows.some((window) => window.merges.length > 0)).toBe(true);
  });
});
