import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusExport } from '../../../shared/model/corpus.js';
import { factmark } from '../../helpers/cli.js';
import { EXAMPLE_DOC_ID, exampleFiles } from '../../helpers/example.js';
import { exampleProject, repoRoot, samplesDir } from '../../helpers/paths.js';
import { copyProject, tempDir } from '../../helpers/temp.js';

interface SampleMeta {
  file: string;
  title: string | null;
  outlet: string | null;
  author: string | null;
  published: string | null;
}

describe('factmark init', () => {
  it('creates a project, and refuses a folder that is not empty', async () => {
    const dir = path.join(await tempDir(), 'k1');
    const created = factmark('init', dir, '--name', 'K-1 hand-over');
    expect(created).toMatchObject({ code: 0, stdout: `Created project "K-1 hand-over" in ${dir}\n` });
    const again = factmark('init', dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already a Factmark project');
  });
});

describe('factmark import', () => {
  it('imports the five sample articles with their metadata and prints their ids', async () => {
    const dir = path.join(await tempDir(), 'samples');
    factmark('init', dir);
    const samples = JSON.parse(await readFile(path.join(samplesDir, 'articles.json'), 'utf8')) as SampleMeta[];
    const ids: string[] = [];
    for (const sample of samples) {
      const options = Object.entries({ title: sample.title, outlet: sample.outlet, author: sample.author, published: sample.published }).flatMap(([key, value]) => (value ? [`--${key}`, value] : []));
      const run = factmark('import', dir, path.join(samplesDir, sample.file), ...options, '--annotator', 'alice');
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^d_[0-9a-f]{12}\t/);
      ids.push(run.stdout.split('\t')[0]!);
    }
    const stats = JSON.parse(factmark('stats', dir, '--json').stdout);
    expect(stats.documents).toBe(5);
    const doc = JSON.parse(await readFile(path.join(dir, 'documents', `${ids[4]}.json`), 'utf8'));
    expect(doc.meta).toMatchObject({ title: 'Killing of US troops threatens to reignite Iran tension', outlet: 'Financial Times', published: '2020-03-12', source: { importedBy: 'alice' } });
    // Text kept exactly as in the file: page furniture and all.
    expect(doc.text).toBe(await readFile(path.join(samplesDir, samples[4]!.file), 'utf8'));
    expect(factmark('validate', dir).code).toBe(0);
  });

  it('reports each file it cannot import and exits 1, importing the rest', async () => {
    const dir = path.join(await tempDir(), 'p');
    factmark('init', dir);
    const inputs = await tempDir();
    await writeFile(path.join(inputs, 'good.md'), '# Title\n\nText.');
    await writeFile(path.join(inputs, 'binary.txt'), Buffer.from([0, 1, 2, 3]));
    const run = factmark('import', dir, path.join(inputs, 'good.md'), path.join(inputs, 'binary.txt'), '--json');
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.status)).toEqual(['imported', 'failed']);
    expect(lines[1].error.message).toBe(`${path.join(inputs, 'binary.txt')} looks like a binary file, not text`);
  });

  it('imports a web page with the metadata it declares, and notes encodings and near-duplicates', async () => {
    const dir = path.join(await tempDir(), 'p');
    factmark('init', dir);
    const page = path.join(repoRoot, 'tests/fixtures/import/news-page.html');
    const run = factmark('import', dir, page, '--json');
    expect(run.code, run.stderr).toBe(0);
    const outcome = JSON.parse(run.stdout);
    const doc = JSON.parse(await readFile(path.join(dir, 'documents', `${outcome.documentId}.json`), 'utf8'));
    expect(doc.meta).toMatchObject({ title: 'Relief convoy reaches flood-hit Ras Zahrun', outlet: 'The Harbour Ledger', author: 'Marguerite Ashdell', published: '2025-03-07T09:30:00+02:00', url: 'https://example.com/harbour-ledger/convoy-reaches-ras-zahrun', language: 'en' });
    expect(doc.text).not.toContain('cookies');

    const inputs = await tempDir();
    await writeFile(path.join(inputs, 'copy.txt'), Buffer.from(`${doc.text.replace(/“|”/g, '"')}\nCopyright café.\n`, 'latin1'));
    const copy = factmark('import', dir, path.join(inputs, 'copy.txt'), '--outlet', 'Reprints Daily');
    expect(copy.code).toBe(0);
    expect(copy.stderr).toContain('was decoded from windows-1252');
    expect(copy.stderr).toMatch(new RegExp(`looks like the same story as ${outcome.documentId} \\("Relief convoy reaches flood-hit Ras Zahrun"\\): \\d+% of its wording is shared`));
  });

  it('removes page furniture only when asked, listing every line it removes', async () => {
    const dir = path.join(await tempDir(), 'p');
    factmark('init', dir);
    const sample = path.join(samplesDir, 'articles/000_8537c0a39dd1ae22.txt');
    const kept = factmark('import', dir, sample);
    expect(kept.stderr).toContain('has 4 lines that look like page furniture ("top of page"');
    const trimmed = factmark('import', dir, sample, '--trim-furniture', '--json');
    expect(trimmed.code).toBe(0);
    const outcome = JSON.parse(trimmed.stdout);
    expect(outcome.removedLines.map((line: { text: string }) => line.text.trim())).toEqual(['top of page', "• Writer's pictureMECRA", '526 views0 comments', 'bottom of page']);
    const doc = JSON.parse(await readFile(path.join(dir, 'documents', `${outcome.documentId}.json`), 'utf8'));
    expect(doc.text).not.toContain('top of page');
    expect(doc.text).toContain('The US-led Coalition handed over an area of K-1 Air Base on Sunday');
    expect(doc.meta.source.removedLines).toHaveLength(4);
    expect(factmark('validate', dir).code).toBe(0);
  });

  it('refuses a bad date with a clear message', async () => {
    const dir = path.join(await tempDir(), 'p');
    factmark('init', dir);
    const run = factmark('import', dir, path.join(samplesDir, 'articles/000_8537c0a39dd1ae22.txt'), '--published', 'March 30');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('factmark: --published "March 30": use a date like 2020-03-30\n');
  });
});

describe('factmark export', () => {
  it('writes the corpus JSON to stdout or to a file', async () => {
    const run = factmark('export', exampleProject, '--format', 'json');
    expect(run.code).toBe(0);
    const corpus = CorpusExport.parse(JSON.parse(run.stdout));
    expect(corpus.documents[0]?.annotations.map((layer) => layer.annotator)).toEqual(['alice', 'bob']);
    const out = path.join(await tempDir(), 'corpus.json');
    const toFile = factmark('export', exampleProject, '--format', 'json', '--out', out);
    expect(toFile.code).toBe(0);
    expect(toFile.stderr).toContain('Exported 1 document, 13 spans');
    expect(JSON.parse(await readFile(out, 'utf8')).documents[0].text).toBe(corpus.documents[0]?.text);
    // Progress goes to standard error only when asked (or to a terminal).
    expect(toFile.stderr).not.toContain('exported 1 of 1');
    expect(factmark('export', exampleProject, '--format', 'json', '--out', out, '--progress').stderr).toContain('exported 1 of 1 document\n');
    const piped = factmark('export', exampleProject, '--format', 'w3c-jsonl', '--progress');
    expect(piped.stderr).toBe('exported 1 of 1 document\n');
    expect(piped.stdout.trim().split('\n')).toHaveLength(13);
  });

  it('needs a known format', () => {
    expect(factmark('export', exampleProject).code).toBe(2);
    const run = factmark('export', exampleProject, '--format', 'xml');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Allowed choices are json, factmark-json, factmark-jsonl, w3c, w3c-jsonl, brat, spacy, doccano, label-studio, conll, conll-2col, bioes, claimreview');
  });
});

describe('interchange formats', () => {
  it('exports W3C annotations (a collection, or one per line), for chosen annotators, and imports them into another layer', async () => {
    const collection = JSON.parse(factmark('export', exampleProject, '--format', 'w3c').stdout);
    expect(collection).toMatchObject({ type: 'AnnotationCollection', first: { type: 'AnnotationPage' } });
    expect(collection.first.items).toHaveLength(13);
    const lines = factmark('export', exampleProject, '--format', 'w3c-jsonl', '--annotator', 'alice').stdout.trim().split('\n');
    expect(lines).toHaveLength(8);
    expect(JSON.parse(lines[0]!).creator.nickname).toBe('alice');
    const documents = factmark('export', exampleProject, '--format', 'factmark-jsonl').stdout.trim().split('\n');
    expect(JSON.parse(documents[0]!).annotations).toHaveLength(2);

    const dir = await copyProject(exampleProject);
    const file = path.join(await tempDir(), 'alice.jsonl');
    await writeFile(file, `${lines.join('\n')}\n{"type":"Annotation","body":{"purpose":"tagging","value":"entity"},"target":{"selector":{"type":"TextQuoteSelector","exact":"Baghdad"}}}\n`);
    const run = factmark('import', dir, file, '--format', 'w3c', '--annotator', 'carol');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(`${EXAMPLE_DOC_ID}\t8 spans\t${file}\n`);
    expect(run.stderr).toContain(`${file}: 9 records, 9 annotations read: 8 placed, 1 left out\n`);
    expect(run.stderr).toContain('annotation 9: its target (no source) is no document of this project, and no document holds its quote "Baghdad"');
    const carol = JSON.parse(await readFile(path.join(dir, 'annotations/carol', `${EXAMPLE_DOC_ID}.json`), 'utf8'));
    const alice = JSON.parse(await readFile(path.join(dir, exampleFiles.alice), 'utf8'));
    expect(carol.spans.map((span: { id: string; start: number; label: string }) => [span.id, span.start, span.label])).toEqual(alice.spans.map((span: { id: string; start: number; label: string }) => [span.id, span.start, span.label]));
    expect(factmark('validate', dir).code).toBe(0);
    expect(factmark('import', dir, file, '--format', 'w3c').stderr).toContain('--format needs --annotator NAME');
  });
});

// Several runs of the built CLI each: on a loaded machine one run alone can take seconds.
describe('Factmark corpus import', { timeout: 120_000 }, () => {
  it('brings a corpus export into another project: its documents, and its spans into one annotator\'s layers', async () => {
    const files = await tempDir();
    const json = path.join(files, 'corpus.json');
    const jsonl = path.join(files, 'corpus.jsonl');
    factmark('export', exampleProject, '--format', 'json', '--out', json);
    await writeFile(jsonl, factmark('export', exampleProject, '--format', 'factmark-jsonl', '--annotator', 'alice').stdout);
    const dir = path.join(await tempDir(), 'p');
    factmark('init', dir);
    const run = factmark('import', dir, json, '--format', 'factmark-json', '--annotator', 'review');
    expect(run).toMatchObject({ code: 0, stdout: `${EXAMPLE_DOC_ID}\t13 spans\t${json}\n` });
    expect(factmark('import', dir, jsonl, '--format', 'factmark-jsonl', '--annotator', 'alice').stdout).toBe(`${EXAMPLE_DOC_ID}\t8 spans\t${jsonl}\n`);
    const alice = JSON.parse(await readFile(path.join(dir, 'annotations/alice', `${EXAMPLE_DOC_ID}.json`), 'utf8'));
    const original = JSON.parse(await readFile(path.join(exampleProject, exampleFiles.alice), 'utf8'));
    expect(alice.spans).toEqual(original.spans);
    expect(factmark('validate', dir).code).toBe(0);
    const stats = JSON.parse(factmark('stats', dir, '--json').stdout);
    expect(stats).toMatchObject({ documents: 1, annotators: ['alice', 'review'] });
  });

  it('without --annotator, gives each layer of a corpus back to its own annotator, relations and all', async () => {
    const json = path.join(await tempDir(), 'corpus.json');
    factmark('export', exampleProject, '--format', 'json', '--out', json);
    const dir = path.join(await tempDir(), 'p');
    factmark('init', dir);
    const run = factmark('import', dir, json, '--format', 'factmark-json');
    // The example has 13 spans and a relation, all placed.
    expect(run).toMatchObject({ code: 0, stderr: `${json}: 1 record, 14 annotations read: 14 placed, 0 left out\n` });
    for (const who of ['alice', 'bob'] as const) {
      const restored = JSON.parse(await readFile(path.join(dir, 'annotations', who, `${EXAMPLE_DOC_ID}.json`), 'utf8'));
      const original = JSON.parse(await readFile(path.join(exampleProject, exampleFiles[who]), 'utf8'));
      expect(restored.spans).toEqual(original.spans);
      expect(restored.relations).toEqual(original.relations);
    }
    // Importing the same corpus again adds every span a second time under new ids, so
    // nothing is overwritten; the relations follow their renamed spans.
    factmark('import', dir, json, '--format', 'factmark-json');
    const twice = JSON.parse(await readFile(path.join(dir, 'annotations/alice', `${EXAMPLE_DOC_ID}.json`), 'utf8'));
    const once = JSON.parse(await readFile(path.join(exampleProject, exampleFiles.alice), 'utf8'));
    expect(twice.spans).toHaveLength(once.spans.length * 2);
    expect(new Set(twice.spans.map((span: { id: string }) => span.id)).size).toBe(twice.spans.length);
    expect(twice.relations).toHaveLength(once.relations.length * 2);
    expect(factmark('validate', dir).code).toBe(0);
  });

  it('other formats still need --annotator', async () => {
    const dir = path.join(await tempDir(), 'p');
    factmark('init', dir);
    const run = factmark('import', dir, path.join(exampleProject, exampleFiles.alice), '--format', 'w3c');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--format needs --annotator NAME');
  });
});

describe('other tools\' formats', { timeout: 180_000 }, () => {
  it('exports doccano, Label Studio and spaCy, and imports doccano and Label Studio back into another layer', async () => {
    const doccano = factmark('export', exampleProject, '--format', 'doccano').stdout;
    const line = JSON.parse(doccano);
    // alice's layer has a relation: doccano's relation-extraction shape, which holds it.
    expect(line.entities[0]).toEqual({ id: 0, label: 'entity', start_offset: 52, end_offset: 64 });
    expect(line.relations).toHaveLength(1);
    const studio = JSON.parse(factmark('export', exampleProject, '--format', 'label-studio').stdout);
    expect(studio[0].annotations.map((annotation: { completed_by: string }) => annotation.completed_by)).toEqual(['alice', 'bob']);
    expect(factmark('export', exampleProject, '--format', 'spacy').stdout.trim().split('\n')).toHaveLength(2);
    const conll = factmark('export', exampleProject, '--format', 'conll', '--annotator', 'alice').stdout;
    expect(conll).toContain('K-1 -X- _ B-entity\nAir -X- _ I-entity\nBase -X- _ I-entity\n');
    const reviews = JSON.parse(factmark('export', exampleProject, '--format', 'claimreview').stdout);
    expect(reviews.map((review: { claimReviewed: string }) => review.claimReviewed)).toEqual(['About 300 personnel have departed', 'equipment worth $1.1 million stayed behind', '“About 300 personnel have departed,”']);

    const dir = await copyProject(exampleProject);
    const files = await tempDir();
    await writeFile(path.join(files, 'doccano.jsonl'), doccano);
    await writeFile(path.join(files, 'studio.json'), JSON.stringify(studio));
    const fromDoccano = factmark('import', dir, path.join(files, 'doccano.jsonl'), '--format', 'doccano', '--annotator', 'dora');
    expect(fromDoccano).toMatchObject({ code: 0, stdout: `${EXAMPLE_DOC_ID}\t8 spans\t${path.join(files, 'doccano.jsonl')}\n` });
    const positions = (layer: { spans: { start: number; end: number; label: string }[] }) => layer.spans.map((span) => [span.start, span.end, span.label]);
    const alice = JSON.parse(await readFile(path.join(dir, exampleFiles.alice), 'utf8'));
    const bob = JSON.parse(await readFile(path.join(dir, exampleFiles.bob), 'utf8'));
    expect(positions(JSON.parse(await readFile(path.join(dir, 'annotations/dora', `${EXAMPLE_DOC_ID}.json`), 'utf8')))).toEqual(positions(alice));
    // With --annotator, every annotation of a task goes into that one layer...
    const fromStudio = factmark('import', dir, path.join(files, 'studio.json'), '--format', 'label-studio', '--annotator', 'lena');
    expect(fromStudio.code).toBe(0);
    const lena = JSON.parse(await readFile(path.join(dir, 'annotations/lena', `${EXAMPLE_DOC_ID}.json`), 'utf8'));
    expect(lena.spans).toHaveLength(alice.spans.length + bob.spans.length);
    expect(factmark('validate', dir).code).toBe(0);
    // ...and without, each annotator's into their own: in a project without the article,
    // which the task's text becomes.
    const fresh = path.join(await tempDir(), 'fresh');
    factmark('init', fresh);
    const apart = factmark('import', fresh, path.join(files, 'studio.json'), '--format', 'label-studio');
    expect(apart.code).toBe(0);
    expect(apart.stderr).toContain(`note: ${path.join(files, 'studio.json')}: added document ${EXAMPLE_DOC_ID} from task 1`);
    for (const [who, original] of [['alice', alice], ['bob', bob]] as const) {
      const layer = JSON.parse(await readFile(path.join(fresh, 'annotations', who, `${EXAMPLE_DOC_ID}.json`), 'utf8'));
      expect(positions(layer)).toEqual(positions(original));
      expect(layer.relations.map((relation: { type: string }) => relation.type)).toEqual(original.relations.map((relation: { type: string }) => relation.type));
    }
    // The export gives Label Studio back its names and each layer's annotator.
    const again = JSON.parse(factmark('export', fresh, '--format', 'label-studio').stdout);
    expect(again[0].annotations.map((annotation: { completed_by: string }) => annotation.completed_by)).toEqual(['alice', 'bob']);
    expect(again[0].annotations[0].result[0]).toMatchObject({ from_name: 'label', to_name: 'text', type: 'labels' });
    expect(factmark('validate', fresh).code).toBe(0);
  });
});

describe('factmark validate', () => {
  it('passes the example project', () => {
    expect(factmark('validate', exampleProject)).toMatchObject({ code: 0, stdout: '5 files checked: 0 errors, 0 warnings\n' });
  });

  it('names the span whose offsets were edited by hand so they no longer match its quote', async () => {
    const dir = await copyProject(exampleProject);
    const file = path.join(dir, exampleFiles.bob);
    const layer = JSON.parse(await readFile(file, 'utf8'));
    layer.spans[3].start -= 5; // "Dana Reed" -> "Col. Dana Reed" would be 14 long: keep the length, move it
    layer.spans[3].end -= 5;
    await writeFile(file, JSON.stringify(layer, null, 2));
    const run = factmark('validate', dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`annotations/bob/${EXAMPLE_DOC_ID}.json: error: span s_b4: offsets 161-170 slice the text to "Col. Dana", not to its quote "Dana Reed"`);
    expect(run.stdout).toContain('1 error,');
  });

  it('names every broken file and keeps going', async () => {
    const dir = await copyProject(exampleProject);
    await writeFile(path.join(dir, exampleFiles.alice), '{ "format": "factmark-annotations", ');
    const entities = JSON.parse(await readFile(path.join(dir, exampleFiles.entities), 'utf8'));
    entities.entities[0].aliases = 'K1';
    await writeFile(path.join(dir, exampleFiles.entities), JSON.stringify(entities));
    const run = factmark('validate', dir, '--json');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.problems).toEqual([
      expect.objectContaining({ file: 'entities.json', message: expect.stringContaining('$.entities[0].aliases') }),
      expect.objectContaining({ file: exampleFiles.alice, message: expect.stringContaining('is not valid JSON') }),
    ]);
  });

  it('says when a folder is not a project', async () => {
    const run = factmark('validate', await tempDir());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not a Factmark project');
  });
});

describe('factmark stats and help', () => {
  it('prints spans per label and annotator', () => {
    const run = factmark('stats', exampleProject);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/documents\s+1 \(340 characters\)/);
    expect(run.stdout).toMatch(/claim\s+3\s+2\s+1/);
  });

  it('has --help on every command', () => {
    for (const command of ['init', 'import', 'export', 'validate', 'stats']) {
      const run = factmark(command, '--help');
      expect(run.code, command).toBe(0);
      expect(run.stdout).toContain(`Usage: factmark ${command}`);
    }
    expect(factmark('frobnicate').code).toBe(2);
  });
});

describe('factmark agree', () => {
  it('prints a table for the example project, and every number as JSON', () => {
    const table = factmark('agree', exampleProject, '--annotators', 'alice,bob');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Agreement between alice, bob over 1 document (340 code points)');
    expect(table.stdout).toMatch(/^all labels +8 +5 +11 /m);
    expect(table.stdout).toMatch(/^claim .*\n.*^date /ms);
    const report = JSON.parse(factmark('agree', exampleProject, '--annotators', 'alice,bob', '--json').stdout);
    expect(report.annotators).toEqual(['alice', 'bob']);
    expect(report.corpus.all.spans).toEqual([8, 5]);
    expect(report.corpus.all.kappa.method).toBe('cohen');
    // Two of bob's five spans match one of alice's exactly; five overlap one with the same label.
    expect(report.corpus.all.spanF1[0].partial.truePositives).toBe(5);
    expect(report.corpus.all.spanF1[0]).toMatchObject({ reference: 'alice', response: 'bob', exact: { truePositives: 2 } });
    const onlyDates = JSON.parse(factmark('agree', exampleProject, '--annotators', 'alice,bob', '--label', 'date', '--json').stdout);
    expect(onlyDates.labels).toEqual(['date']);
    expect(onlyDates.corpus.all.spans).toEqual([3, 2]);
  });

  it('gives 1 for identical layers, and names what it cannot compare', async () => {
    const dir = await copyProject(exampleProject);
    const copy = JSON.parse(await readFile(path.join(dir, exampleFiles.alice), 'utf8'));
    await mkdir(path.join(dir, 'annotations/carol'));
    await writeFile(path.join(dir, 'annotations/carol', `${EXAMPLE_DOC_ID}.json`), JSON.stringify({ ...copy, annotator: 'carol' }));
    const same = JSON.parse(factmark('agree', dir, '--annotators', 'alice,carol', '--json').stdout);
    for (const numbers of [same.corpus.all, ...same.corpus.byLabel]) {
      expect(numbers.kappa.value).toBe(1);
      expect(numbers.unitizingAlpha.value).toBe(1);
      expect(numbers.spanF1[0].exact.f1).toBe(1);
    }
    const three = JSON.parse(factmark('agree', dir, '--annotators', 'alice,bob,carol', '--json').stdout);
    expect(three.corpus.all.kappa.method).toBe('fleiss');
    const unknown = factmark('agree', dir, '--annotators', 'alice,dora');
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('No annotator "dora" in this project (annotators: alice, bob, carol)') });
    expect(factmark('agree', dir, '--annotators', 'alice').stderr).toContain('annotators');
  });
});

describe('factmark suggest', () => {
  it('prints date suggestions resolved against the publication date, and --apply writes them as a layer of their own', async () => {
    const samples = JSON.parse(await readFile(path.join(samplesDir, 'articles.json'), 'utf8')) as { file: string; title: string; published: string }[];
    const k1 = samples.find((sample) => sample.title?.includes('K-1')) as { file: string; published: string };
    const dir = path.join(await tempDir(), 'p');
    factmark('init', dir);
    const id = factmark('import', dir, path.join(samplesDir, k1.file), '--published', k1.published).stdout.split('\t')[0] as string;
    const lines = factmark('suggest', dir, '--labels', 'date', '--json').stdout.trim().split('\n').map((line) => JSON.parse(line) as { documentId: string; label: string; text: string; attributes: Record<string, string> });
    expect(lines.every((line) => line.label === 'date' && line.documentId === id)).toBe(true);
    expect(lines.find((line) => line.text === 'December 27')?.attributes).toEqual({ value: '2019-12-27', timexType: 'DATE' });
    const table = factmark('suggest', dir, '--labels', 'date');
    expect(table.stdout).toContain(`${id}\tdate\t`);
    expect(table.stdout).toContain('"Sunday"\tvalue=2020-03-29 timexType=DATE');

    expect(factmark('suggest', dir, '--apply').stderr).toContain('--apply needs --annotator NAME');
    const applied = factmark('suggest', dir, '--labels', 'date', '--apply', '--annotator', 'suggester');
    expect(applied.code).toBe(0);
    expect(applied.stderr).toContain(`${id}: ${lines.length} suggestions written to suggester's layer`);
    const layer = JSON.parse(await readFile(path.join(dir, 'annotations/suggester', `${id}.json`), 'utf8')) as { spans: { quote: { exact: string }; attributes: Record<string, string> }[] };
    expect(layer.spans.find((span) => span.quote.exact === 'Sunday')?.attributes.value).toBe('2020-03-29');
    expect(factmark('validate', dir).code).toBe(0);
    // What is in the layer is not suggested to that annotator again.
    expect(factmark('suggest', dir, '--labels', 'date', '--annotator', 'suggester').stdout).toBe('');
  });
});
