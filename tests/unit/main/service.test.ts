import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FactmarkService } from '../../../main/service.js';
import { CorpusExport } from '../../../shared/model/corpus.js';
import { makeQuote } from '../../../shared/text/quote.js';
import type { Span } from '../../../shared/model/annotations.js';
import { EXAMPLE_DOC_ID, exampleFiles } from '../../helpers/example.js';
import { exampleProject } from '../../helpers/paths.js';
import { copyProject, tempDir } from '../../helpers/temp.js';

const NOW = new Date('2026-11-22T12:00:00.000Z');
const service = () => new FactmarkService({ now: () => NOW });

async function writeFiles(files: Record<string, string | Buffer>): Promise<Record<string, string>> {
  const dir = await tempDir('factmark-input-');
  const paths: Record<string, string> = {};
  for (const [name, content] of Object.entries(files)) {
    paths[name] = path.join(dir, name);
    await writeFile(paths[name]!, content);
  }
  return paths;
}

function spanAt(text: string, exact: string, label: string, id: string, occurrence = 0): Span {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(exact, at + 1);
  const start = [...text.slice(0, at)].length;
  const end = start + [...exact].length;
  return { id, label, start, end, quote: makeQuote(text, start, end), attributes: {}, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() };
}

describe('the service', () => {
  it('needs an open project for project operations', async () => {
    await expect(service().listDocuments({})).rejects.toMatchObject({ code: 'NO_PROJECT' });
  });

  it('validates params whoever calls it', async () => {
    const api = service();
    await expect(api.call('openProject', { dir: 42 })).rejects.toMatchObject({ code: 'INVALID', message: expect.stringContaining('$.dir') });
    await expect(api.call('getDocument' as never, { documentId: '../../etc/passwd', annotator: 'x' })).rejects.toMatchObject({ code: 'INVALID' });
    await expect(api.call('deleteEverything' as never, {})).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(await api.respond('openProject', { dir: '/nonexistent/folder' })).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_A_PROJECT' }) });
  });

  it('imports text files, decoding UTF-8, UTF-8 with BOM and UTF-16, keeping CRLF', async () => {
    const api = service();
    await api.createProject({ dir: path.join(await tempDir(), 'p') });
    const text = 'Résumé 👩‍🚒\r\nسطر عربي\r\n';
    const files = await writeFiles({
      'plain.txt': text,
      'bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${text}(bom)`)]),
      'utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${text}(utf16)`, 'utf16le')]),
      'notes.md': '# A heading title\n\nBody *text*.\n',
    });
    const outcomes = await api.importFilesAt(Object.values(files), { meta: { outlet: 'Wire', published: '2025-03-06' }, importedBy: 'alice' });
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['imported', 'imported', 'imported', 'imported']);
    const docs = await api.listDocuments({});
    const byFile = new Map(await Promise.all(docs.map(async (doc) => [doc.meta.source?.file, (await api.getDocument({ documentId: doc.id, annotator: 'alice' })).document] as const)));
    expect(byFile.get('plain.txt')?.text).toBe(text);
    expect(byFile.get('bom.txt')?.text).toBe(`${text}(bom)`);
    expect(byFile.get('utf16.txt')?.text).toBe(`${text}(utf16)`);
    expect(byFile.get('plain.txt')?.meta).toMatchObject({ title: 'Résumé 👩‍🚒', outlet: 'Wire', published: '2025-03-06', source: { importedBy: 'alice', importedAt: NOW.toISOString() } });
    expect(byFile.get('notes.md')?.meta.title).toBe('A heading title');
  });

  it('imports what it can and names each file it could not, and why', async () => {
    const api = service();
    await api.createProject({ dir: path.join(await tempDir(), 'p') });
    const files = await writeFiles({
      'good.txt': 'A good article.',
      'again.txt': 'A good article.',
      'empty.txt': ' \n',
      'image.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]),
      'latin1.txt': Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x6f, 0x6b, 0x94]), // 'Café “ok”' in Windows-1252
      'broken-utf8.txt': Buffer.from([0xc3, 0xa9, 0x20, 0xc3, 0x28]),
      'page.pdf': 'not really',
      'slides.pptx': 'not supported',
    });
    const outcomes = await api.importFilesAt([...Object.values(files), '/nonexistent/file.txt']);
    const summary = outcomes.map((outcome) => [path.basename(outcome.file), outcome.status, outcome.status === 'failed' ? outcome.error.message : '']);
    // Files named by path are named so in messages, as the user gave them.
    expect(summary).toEqual([
      ['good.txt', 'imported', ''],
      ['again.txt', 'duplicate', ''],
      ['empty.txt', 'failed', `${files['empty.txt']} is empty`],
      ['image.txt', 'failed', `${files['image.txt']} looks like a binary file, not text`],
      ['latin1.txt', 'imported', ''],
      ['broken-utf8.txt', 'failed', `${files['broken-utf8.txt']} is UTF-8 text with an invalid byte sequence at byte 3 (line 1); fix or re-save the file as UTF-8`],
      ['page.pdf', 'failed', `${files['page.pdf']} is not a PDF file, or it is damaged (Invalid PDF structure.)`],
      ['slides.pptx', 'failed', `${files['slides.pptx']}: cannot import ".pptx" files; use .txt, .text, .md, .markdown, .html, .htm, .xhtml, .pdf, .docx, .eml`],
      ['file.txt', 'failed', '/nonexistent/file.txt does not exist'],
    ]);
    expect((await api.listDocuments({})).length).toBe(2);
    const latin1 = outcomes[4];
    expect(latin1).toMatchObject({ status: 'imported', encoding: 'windows-1252' });
    if (latin1?.status === 'imported') expect((await api.getDocument({ documentId: latin1.documentId, annotator: 'a' })).document.text).toBe('Café “ok”');
  });

  it('imports files the UI holds, and flags the same story from another outlet', async () => {
    const api = service();
    await api.createProject({ dir: path.join(await tempDir(), 'p') });
    const story = 'The coalition handed K-1 Air Base near Kirkuk to Iraqi forces on Sunday, a spokesman said, the third such transfer this month after al-Qaim and Q-West.';
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    const [first] = await api.importTexts({ files: [{ name: 'wire.txt', data: b64(story) }], importedBy: 'alice' });
    const outcomes = await api.importTexts({
      files: [
        { name: 'reprint.md', data: b64(`# Coalition leaves K-1\n\n${story} Reporting by our staff.`) },
        { name: 'other.txt', data: b64('Rockets struck Camp Taji on Wednesday, killing two US soldiers and a British medic, officials said.') },
        { name: 'clipboard.txt', data: b64('') },
      ],
    });
    expect(first).toMatchObject({ status: 'imported', nearDuplicates: [] });
    expect(outcomes[0]).toMatchObject({ status: 'imported', title: 'Coalition leaves K-1', nearDuplicates: [{ documentId: first?.status === 'imported' ? first.documentId : '', similarity: 1 }] });
    expect(outcomes[1]).toMatchObject({ status: 'imported', nearDuplicates: [] });
    expect(outcomes[2]).toMatchObject({ status: 'failed', error: { message: 'clipboard.txt is empty' } });
    await expect(api.importTexts({ files: [{ name: 'x.txt', data: 'not base64!' }] })).rejects.toMatchObject({ code: 'INVALID' });
  });

  it('saves a layer, writes nothing when nothing changed, and refuses spans that do not fit the text', async () => {
    const dir = await copyProject(exampleProject);
    const api = service();
    await api.openProject({ dir });
    const { document } = await api.getDocument({ documentId: EXAMPLE_DOC_ID, annotator: 'carol' });
    const spans = [spanAt(document.text, 'Kirkuk', 'entity', 's_1'), spanAt(document.text, 'on Sunday', 'date', 's_2')];
    const saved = await api.saveLayer({ documentId: EXAMPLE_DOC_ID, annotator: 'carol', baseStamp: null, spans });
    expect(saved).toEqual({ written: true, updatedAt: NOW.toISOString(), stamp: expect.any(String) });
    // The stamp is the one the disk shows now: the app tells its own saves from others' by it.
    expect((await api.getStamps({ documentId: EXAMPLE_DOC_ID })).layers.carol).toBe(saved.stamp);
    const file = path.join(dir, 'annotations/carol', `${EXAMPLE_DOC_ID}.json`);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ status: 'in-progress', spans: [{ id: 's_1' }, { id: 's_2' }] });

    const later = new FactmarkService({ now: () => new Date('2026-11-23T00:00:00Z') });
    await later.openProject({ dir });
    expect(await later.saveLayer({ documentId: EXAMPLE_DOC_ID, annotator: 'carol', baseStamp: saved.stamp, spans })).toEqual({ written: false, updatedAt: NOW.toISOString(), stamp: saved.stamp });

    const shifted = { ...spans[0]!, start: spans[0]!.start + 1, end: spans[0]!.end + 1 };
    await expect(api.saveLayer({ documentId: EXAMPLE_DOC_ID, annotator: 'carol', baseStamp: saved.stamp, spans: [shifted] })).rejects.toMatchObject({ code: 'BAD_INPUT', details: { spanId: 's_1' } });
    const unknownLabel = { ...spans[0]!, label: 'person' };
    await expect(api.saveLayer({ documentId: EXAMPLE_DOC_ID, annotator: 'carol', baseStamp: saved.stamp, spans: [unknownLabel] })).rejects.toMatchObject({ message: expect.stringContaining('label "person"') });
    expect(JSON.parse(await readFile(file, 'utf8')).spans).toHaveLength(2);
  });

  it('keeps spans that could not be re-anchored through later saves', async () => {
    const dir = await copyProject(exampleProject);
    const file = path.join(dir, exampleFiles.alice);
    const layer = JSON.parse(await readFile(file, 'utf8'));
    layer.spans[5].quote.exact = 'a sentence that is not in the text at all!';
    layer.spans[5].end = layer.spans[5].start + [...layer.spans[5].quote.exact].length;
    await writeFile(file, JSON.stringify(layer, null, 2));
    const api = service();
    await api.openProject({ dir });
    const view = await api.getDocument({ documentId: EXAMPLE_DOC_ID, annotator: 'alice' });
    expect(view.unplaced).toEqual(['s_a6']);
    // The layer alone (the compare view's read) is the same layer, re-anchored alike, without the text.
    const layerOnly = await api.getLayer({ documentId: EXAMPLE_DOC_ID, annotator: 'alice' });
    expect(layerOnly).toEqual({ layer: view.layer, exists: true, moved: view.moved, unplaced: view.unplaced, stamp: view.stamp });
    expect(await api.getLayer({ documentId: EXAMPLE_DOC_ID, annotator: 'nobody' })).toMatchObject({ exists: false, layer: { spans: [] }, stamp: null });
    const spans = view.layer.spans.filter((span) => span.id !== 's_a1');
    expect((await api.saveLayer({ documentId: EXAMPLE_DOC_ID, annotator: 'alice', baseStamp: view.stamp, spans, relations: view.layer.relations })).written).toBe(true);
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(saved.spans.map((span: Span) => span.id)).toEqual(['s_a2', 's_a3', 's_a4', 's_a5', 's_a6', 's_a7', 's_a8']);
    expect(saved.spans[4]).toEqual(layer.spans[5]);
  });

  it('exports the corpus as one JSON file that its schema accepts', async () => {
    const api = service();
    await api.openProject({ dir: exampleProject });
    const out = path.join(await tempDir(), 'corpus.json');
    const result = await api.exportToFile(out, { format: 'factmark-json' });
    expect(result).toMatchObject({ path: out, documents: 1, spans: 13 });
    const corpus = CorpusExport.parse(JSON.parse(await readFile(out, 'utf8')));
    expect(corpus.project.labels.map((label) => label.id)).toEqual(['claim', 'entity', 'date']);
    expect(corpus.entities[0]?.id).toBe('e_k1');
    const doc = corpus.documents[0]!;
    expect(doc.annotations.map((layer) => [layer.annotator, layer.spans.length])).toEqual([['alice', 8], ['bob', 5]]);
    for (const layer of doc.annotations) for (const span of layer.spans) expect([...doc.text].slice(span.start, span.end).join('')).toBe(span.quote.exact);
    expect(result.bytes).toBe((await readFile(out)).length);
  });

  it('says how the latest export is going, numbered so the app can tell a new one, and how it ended', async () => {
    const api = service();
    await api.openProject({ dir: exampleProject });
    expect(await api.getExportProgress({})).toBeNull();
    const out = path.join(await tempDir(), 'corpus.jsonl');
    const seen: unknown[] = [];
    await api.exportToFile(out, { format: 'w3c-jsonl' }, () => void api.getExportProgress({}).then((progress) => seen.push(progress)));
    expect(seen).toEqual([{ id: 1, done: 1, total: 1, finished: false, failed: null, notes: [] }]);
    expect(await api.getExportProgress({})).toEqual({ id: 1, done: 1, total: 1, finished: true, failed: null, notes: [] });
    const failing = path.join(path.dirname(out), 'failing.json');
    await expect(api.exportToFile(failing, { format: 'factmark-json', documentIds: ['d_000000000000'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await api.getExportProgress({})).toEqual({ id: 2, done: 0, total: 0, finished: true, failed: 'No document d_000000000000 in this project', notes: [] });
    // It failed after its head was on its way to the disk: the write still under way must
    // end quietly (it once raised an uncaught error), and no file is left behind.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await readdir(path.dirname(out))).sort()).toEqual(['corpus.jsonl']);
  });

  it('edits a document\'s metadata without touching its text, and finds documents by their words', async () => {
    const dir = await copyProject(exampleProject);
    const api = service();
    await api.openProject({ dir });
    const file = path.join(dir, 'documents', `${EXAMPLE_DOC_ID}.json`);
    const before = JSON.parse(await readFile(file, 'utf8'));
    const summary = await api.updateDocumentMeta({
      documentId: EXAMPLE_DOC_ID,
      meta: { title: 'K-1 handed over', outlet: 'Example Wire', author: 'Dana Reed', url: null, published: '2020-03-30', language: 'en', notes: 'Checked against the statement.' },
    });
    expect(summary.meta).toMatchObject({ title: 'K-1 handed over', author: 'Dana Reed', url: null, notes: 'Checked against the statement.', source: before.meta.source });
    const after = JSON.parse(await readFile(file, 'utf8'));
    expect([after.text, after.sha256]).toEqual([before.text, before.sha256]);
    await expect(api.updateDocumentMeta({ documentId: EXAMPLE_DOC_ID, meta: { ...summary.meta, notes: null, published: 'last Sunday' } })).rejects.toMatchObject({ code: 'INVALID' });

    expect(await api.searchDocuments({ query: 'kirkuk PERSONNEL' })).toEqual([EXAMPLE_DOC_ID]);
    expect(await api.searchDocuments({ query: 'dana reed' })).toEqual([EXAMPLE_DOC_ID]);
    expect(await api.searchDocuments({ query: 'kirkuk baghdad' })).toEqual([]);
  });

  it('changes the label schema: renames carry spans along, removing a label in use is refused', async () => {
    const dir = await copyProject(exampleProject);
    const api = service();
    const info = await api.openProject({ dir });
    const labels = info.manifest.labels;
    const renamed = labels.map((label) => (label.id === 'entity' ? { ...label, id: 'actor', name: 'Actor', color: { light: '#6d28d9', dark: '#c4b5fd' } } : label));
    const source = { id: 'source', name: 'Source', key: '4', color: { light: '#be123c', dark: '#fda4af' }, attributes: [] };
    const updated = await api.updateLabelSchema({ labels: [...renamed, source], renames: { entity: 'actor' } });
    expect(updated.manifest.labels.map((label) => [label.id, label.key])).toEqual([['claim', '1'], ['actor', '2'], ['date', '3'], ['source', '4']]);
    expect(updated.manifest.relationTypes.find((type) => type.id === 'said-by')?.to).toEqual(['actor']);
    const alice = JSON.parse(await readFile(path.join(dir, exampleFiles.alice), 'utf8'));
    expect(alice.spans.filter((span: Span) => span.label === 'actor')).toHaveLength(3);
    expect((await api.validateProject({})).problems).toEqual([]);

    const withoutDate = updated.manifest.labels.filter((label) => label.id !== 'date');
    await expect(api.updateLabelSchema({ labels: withoutDate })).rejects.toMatchObject({ message: 'Cannot remove labels still in use: "date" is used by 5 spans. Delete or relabel those spans first.' });
    await expect(api.updateLabelSchema({ labels: [...updated.manifest.labels, { ...source, id: 'other' }] })).rejects.toMatchObject({ message: expect.stringContaining('key "4" is also used') });
    const unused = await api.updateLabelSchema({ labels: updated.manifest.labels.filter((label) => label.id !== 'source') });
    expect(unused.manifest.labels).toHaveLength(3);
  });

  it('removes a document only while no one has annotated it', async () => {
    const dir = await copyProject(exampleProject);
    const api = service();
    await api.openProject({ dir });
    await expect(api.removeDocument({ documentId: EXAMPLE_DOC_ID })).rejects.toMatchObject({ message: "“Coalition leaves K-1 Air Base” has annotations by alice, bob; it is kept" });
    const [outcome] = await api.importTexts({ files: [{ name: 'x.txt', data: Buffer.from('A wrong file, imported by mistake.').toString('base64') }] });
    if (outcome?.status !== 'imported') throw new Error('import failed');
    expect(await api.removeDocument({ documentId: outcome.documentId })).toEqual({ removed: outcome.documentId });
    expect((await api.listDocuments({})).map((doc) => doc.id)).toEqual([EXAMPLE_DOC_ID]);
  });

  it('counts documents, annotators and spans per label', async () => {
    const api = service();
    await api.openProject({ dir: exampleProject });
    expect(await api.getStats({})).toEqual({
      documents: 1,
      characters: 340,
      annotators: ['alice', 'bob'],
      spans: { claim: { alice: 2, bob: 1 }, entity: { alice: 3, bob: 2 }, date: { alice: 3, bob: 2 } },
      layerStatus: { alice: { 'not-started': 0, 'in-progress': 0, done: 1 }, bob: { 'not-started': 0, 'in-progress': 1, done: 0 } },
    });
  });
});

describe('annotation import from the app (files as bytes)', () => {
  it('takes a brat zip as downloaded: the documents the project lacks, and each layer\'s spans and relations', async () => {
    const from = service();
    await from.openProject({ dir: exampleProject });
    const zip = path.join(await tempDir(), 'brat.zip');
    const exported = await from.exportToFile(zip, { format: 'brat', annotators: ['alice'] });
    expect(exported).toMatchObject({ documents: 1 });

    const to = service();
    const dir = path.join(await tempDir(), 'p');
    await to.createProject({ dir });
    const outcomes = await to.importAnnotations({ format: 'brat', annotator: 'reviewer', files: [{ name: 'brat.zip', data: (await readFile(zip)).toString('base64') }] });
    expect(outcomes.filter((outcome) => outcome.error || outcome.failed.length)).toEqual([]);
    const [documentId] = Object.keys(outcomes.find((outcome) => outcome.file.endsWith('.ann'))?.added ?? {});
    expect(documentId).toBe(EXAMPLE_DOC_ID);
    const original = JSON.parse(await readFile(path.join(exampleProject, exampleFiles.alice), 'utf8')) as { spans: Span[]; relations: unknown[] };
    const { layer } = await to.getDocument({ documentId: EXAMPLE_DOC_ID, annotator: 'reviewer' });
    // Span references follow the spans (brat names them by T id); entity references
    // become canonical entities of the new project, under the name the export gave.
    const byId = (spans: Span[]) => new Map(spans.map((span) => [span.id, `${span.start}-${span.end}`]));
    const resolved = (spans: Span[]) => spans.map(({ label, start, end, note, attributes }) => ({ label, start, end, note, attributes: Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, (typeof value === 'string' && byId(spans).get(value)) || value])) }));
    expect(resolved(layer.spans)).toEqual(resolved(original.spans));
    expect(layer.relations).toHaveLength(original.relations.length);
    const entities = JSON.parse(await readFile(path.join(dir, 'entities.json'), 'utf8')) as { entities: { id: string; name: string }[] };
    const exampleEntities = JSON.parse(await readFile(path.join(exampleProject, exampleFiles.entities), 'utf8')) as { entities: { id: string; name: string }[] };
    for (const entity of entities.entities) expect(exampleEntities.entities.find((known) => known.id === entity.id)?.name).toBe(entity.name);
    expect(entities.entities.length).toBeGreaterThan(0);
  });

  it('refuses what is not a zip, naming it, and writes nothing', async () => {
    const api = service();
    const dir = path.join(await tempDir(), 'p');
    await api.createProject({ dir });
    const outcomes = await api.importAnnotations({ format: 'brat', annotator: 'reviewer', files: [{ name: 'broken.zip', data: Buffer.from('not a zip at all').toString('base64') }] });
    expect(outcomes[0]).toMatchObject({ file: 'broken.zip', error: { message: expect.stringContaining('broken.zip is not a readable zip archive') } });
    expect(await api.listDocuments({})).toEqual([]);
  });
});

describe('canonical entities', () => {
  it('are listed, and made with a readable unique id; the same name and kind twice is one entity', async () => {
    const dir = await copyProject(exampleProject);
    const api = service();
    await api.openProject({ dir });
    const before = await api.listEntities({});
    const made = await api.createEntity({ name: 'Kirkuk', kind: 'location', aliases: ['Kirkuk', 'Karkuk'] });
    expect(made).toEqual({ id: 'e_kirkuk', name: 'Kirkuk', kind: 'location', aliases: ['Karkuk'] });
    expect(await api.createEntity({ name: 'Kirkuk', kind: 'location' })).toEqual(made);
    expect((await api.createEntity({ name: 'Kirkuk', kind: 'organization' })).id).toBe('e_kirkuk_2');
    expect(await api.listEntities({})).toEqual([...before, made, expect.objectContaining({ id: 'e_kirkuk_2' })]);
    await expect(api.createEntity({ name: '  ', kind: 'location' })).rejects.toMatchObject({ code: 'INVALID' });
    // A claim may name its claimant by the entity; in words only where the project's
    // schema allows words (new projects do; this example project predates it).
    const { document, stamp } = await api.getDocument({ documentId: EXAMPLE_DOC_ID, annotator: 'carol' });
    const claim = spanAt(document.text, 'Kirkuk', 'claim', 's_c');
    const saved = await api.saveLayer({ documentId: EXAMPLE_DOC_ID, annotator: 'carol', baseStamp: stamp, spans: [{ ...claim, attributes: { claimant: 'e_kirkuk' } }] });
    await expect(api.saveLayer({ documentId: EXAMPLE_DOC_ID, annotator: 'carol', baseStamp: saved.stamp, spans: [{ ...claim, attributes: { claimant: 'the provincial council' } }] })).rejects.toMatchObject({
      message: expect.stringContaining('"the provincial council" is no span in this layer and no entity in entities.json'),
    });
  });
});

describe('noticing changes on disk', () => {
  it('changes the project stamp when documents or annotators arrive, not when a layer is saved', async () => {
    const dir = await copyProject(exampleProject);
    const api = service();
    await api.openProject({ dir });
    const first = await api.getStamps({ documentId: EXAMPLE_DOC_ID });
    expect(Object.keys(first.layers).sort()).toEqual(['alice', 'bob']);
    const { layer, stamp } = await api.getDocument({ documentId: EXAMPLE_DOC_ID, annotator: 'alice' });
    await api.saveLayer({ documentId: EXAMPLE_DOC_ID, annotator: 'alice', baseStamp: stamp, spans: layer.spans.slice(1), relations: [] });
    const afterSave = await api.getStamps({ documentId: EXAMPLE_DOC_ID });
    expect(afterSave.project).toBe(first.project);
    expect(afterSave.layers.alice).not.toBe(first.layers.alice);
    await api.saveLayer({ documentId: EXAMPLE_DOC_ID, annotator: 'dora', baseStamp: null, spans: [] });
    const newcomer = await api.getStamps({ documentId: EXAMPLE_DOC_ID });
    expect(newcomer.project).not.toBe(first.project);
    expect(newcomer.layers.dora).toEqual(expect.any(String));
  });

  it('keeps a reviewed layer\'s record of rejections through saves that do not mention it', async () => {
    const dir = await copyProject(exampleProject);
    const api = service();
    await api.openProject({ dir });
    const review = { compared: ['alice', 'bob'], rejected: [{ annotator: 'bob', label: 'entity', start: 1, end: 3 }] };
    const first = await api.saveLayer({ documentId: EXAMPLE_DOC_ID, annotator: 'alice-review', baseStamp: null, spans: [], review });
    const second = await api.saveLayer({ documentId: EXAMPLE_DOC_ID, annotator: 'alice-review', baseStamp: first.stamp, spans: [], status: 'done' });
    const { layer } = await api.getDocument({ documentId: EXAMPLE_DOC_ID, annotator: 'alice-review' });
    expect(layer).toMatchObject({ status: 'done', review });
    await expect(api.saveLayer({ documentId: EXAMPLE_DOC_ID, annotator: 'alice-review', baseStamp: second.stamp, spans: [], review: { compared: ['alice'], rejected: [] } })).rejects.toMatchObject({ code: 'INVALID' });
  });
});
