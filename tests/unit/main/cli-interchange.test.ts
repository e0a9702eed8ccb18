/**
 * The built command line's side of issue 15: --map, --add-labels and --doccano-labels on
 * the way in, the report's counts on standard error, and brat exported to a folder with
 * the files' own names.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { factmark } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/temp.js';

const TEXT = 'Larry Page founded Google in 1998.\n';

describe('factmark import --format with other tools\' labels', { timeout: 60_000 }, () => {
  it('--map renames, --add-labels adds, and each left-out label is said once with its count', async () => {
    const root = await tempDir();
    const dir = path.join(root, 'p');
    factmark('init', dir);
    const file = path.join(root, 'labels.jsonl');
    await writeFile(file, `${JSON.stringify({ text: TEXT, label: [[0, 10, 'PER'], [19, 25, 'ORG'], [29, 33, 'YEAR']] })}\n`);

    const mapped = factmark('import', dir, file, '--format', 'doccano', '--annotator', 'dora', '--map', 'PER=entity', '--map', 'ORG=entity');
    expect(mapped.code).toBe(1);
    expect(mapped.stderr).toContain(`${file}: 1 record, 3 annotations read: 2 placed, 1 left out\n`);
    expect(mapped.stderr).toContain(`note: ${file}: labels renamed as asked: PER → entity, ORG → entity\n`);
    expect(mapped.stderr).toContain(`${file}: label "YEAR" (first at record 1, label 3): the project's schema has no label "YEAR": adding the labels the files use (--add-labels) adds it, --map YEAR=LABEL puts it under a label you have\n`);

    const added = factmark('import', dir, file, '--format', 'doccano', '--annotator', 'dan', '--add-labels', '--json');
    expect(added.code).toBe(0);
    const [outcome] = added.stdout.trim().split('\n').map((line) => JSON.parse(line) as { counts: unknown });
    expect(outcome?.counts).toEqual({ records: 1, annotations: 3, placed: 3, leftOut: 0 });
    const manifest = JSON.parse(await readFile(path.join(dir, 'factmark.json'), 'utf8')) as { labels: { id: string; key: string }[] };
    expect(manifest.labels.map((label) => label.id)).toEqual(['claim', 'entity', 'date', 'PER', 'ORG', 'YEAR']);
    expect(new Set(manifest.labels.map((label) => label.key)).size).toBe(manifest.labels.length);
    expect(factmark('validate', dir).code).toBe(0);

    expect(factmark('import', dir, file, '--format', 'doccano', '--annotator', 'x', '--map', 'PER').stderr).toContain('--map "PER": write SOURCE=label');
  });

  it('--doccano-labels names a 1.x file\'s label ids', async () => {
    const root = await tempDir();
    const dir = path.join(root, 'p');
    factmark('init', dir);
    const file = path.join(root, '1x.jsonl');
    await writeFile(file, `${JSON.stringify({ id: 1, text: TEXT, annotations: [{ label: 7, start_offset: 0, end_offset: 10, user: 3 }] })}\n`);
    const labels = path.join(root, 'doccano-labels.json');
    await writeFile(labels, JSON.stringify([{ id: 7, text: 'entity' }]));
    const run = factmark('import', dir, file, '--format', 'doccano', '--doccano-labels', labels);
    expect(run.code, run.stderr).toBe(0);
    const [documentId] = run.stdout.split('\t');
    const layer = JSON.parse(await readFile(path.join(dir, 'annotations', 'user-3', `${documentId}.json`), 'utf8')) as { spans: { label: string; quote: { exact: string } }[] };
    expect(layer.spans.map((span) => [span.label, span.quote.exact])).toEqual([['entity', 'Larry Page']]);
  });
});

describe('factmark export --format brat --out FOLDER/', { timeout: 60_000 }, () => {
  it('writes brat\'s files into the folder under the names they came with', async () => {
    const root = await tempDir();
    const dir = path.join(root, 'p');
    factmark('init', dir);
    await mkdir(path.join(root, 'brat'));
    await writeFile(path.join(root, 'brat', 'PMID-9066888.txt'), TEXT);
    await writeFile(path.join(root, 'brat', 'PMID-9066888.ann'), 'T1\tEntity 0 10\tLarry Page\n');
    const imported = factmark('import', dir, path.join(root, 'brat'), '--format', 'brat', '--annotator', 'bea');
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toContain(`note: ${path.join(root, 'brat', 'PMID-9066888.ann')}: labels matched regardless of case: Entity → entity\n`);

    const out = path.join(root, 'out');
    const run = factmark('export', dir, '--format', 'brat', '--out', `${out}/`);
    expect(run.code, run.stderr).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['annotation.conf', 'bea']);
    expect((await readdir(path.join(out, 'bea'))).sort()).toEqual(['PMID-9066888.ann', 'PMID-9066888.txt']);
    expect(await readFile(path.join(out, 'bea', 'PMID-9066888.ann'), 'utf8')).toBe('T1\tentity 0 10\tLarry Page\n');
  });
});
