/**
 * brat standoff through the CLI, against brat's own example corpora: each corpus folder
 * is imported into a new project (its annotation.conf adding the types), exported as a
 * brat zip, and every .ann in the zip says what the original said.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseBrat } from '../../../shared/formats/brat/decode.js';
import type { Relation, Span } from '../../../shared/model/annotations.js';
import { factmark } from '../../helpers/cli.js';
import { conformanceDir } from '../../helpers/paths.js';
import { tempDir } from '../../helpers/temp.js';

const NOW = new Date('2026-11-22T00:00:00Z');
const bratDir = path.join(conformanceDir, 'brat');
/** Every folder holding .ann files directly. */
const corpora = (function folders(dir: string): string[] {
  const names = readdirSync(dir);
  const own = names.some((name) => name.endsWith('.ann')) ? [dir] : [];
  return [...own, ...names.map((name) => path.join(dir, name)).filter((file) => statSync(file).isDirectory()).flatMap(folders)];
})(bratDir);

/** What a layer says, ids aside: spans by position, relations by their spans' positions. */
function content(spans: readonly Span[], relations: readonly Relation[]) {
  const at = new Map(spans.map((span) => [span.id, `${span.start}-${span.end}`]));
  return {
    spans: spans.map((span) => ({ label: span.label, start: span.start, end: span.end, attributes: span.attributes, note: span.note })).sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label)),
    relations: relations.map((relation) => `${relation.type} ${at.get(relation.from)} ${at.get(relation.to)}`).sort(),
  };
}

describe('brat corpora through a project', () => {
  it('finds the corpora', () => {
    expect(corpora.map((dir) => path.relative(bratDir, dir)).sort()).toEqual(['BioNLP-ST_2011/BioNLP-ST_2011_EPI', 'CoNLL-ST_2002/esp', 'CoNLL-ST_2002/ned', 'NCBI-disease']);
  });

  it.each(corpora.map((dir) => [path.relative(bratDir, dir), dir]))('%s: import the folder, export a zip, same annotations', async (_name, corpus) => {
    const dir = path.join(await tempDir(), 'p');
    factmark('init', dir);
    // CoNLL's annotation.conf sits a folder up, as brat allows; it comes along when named.
    const conf = [corpus, path.dirname(corpus)].map((folder) => path.join(folder, 'annotation.conf')).find((file) => statSync(file, { throwIfNoEntry: false }));
    const run = factmark('import', dir, corpus, ...(conf && path.dirname(conf) !== corpus ? [conf] : []), '--format', 'brat', '--annotator', 'anna', '--json');
    const outcomes = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { file: string; error?: unknown; failed: { reason: string }[]; notes?: string[] });
    expect(outcomes.filter((outcome) => outcome.error)).toEqual([]);
    // Only events (and what hangs on them) are refused, each by line.
    for (const outcome of outcomes) for (const failure of outcome.failed) expect(failure.reason).toMatch(/event|not a text span/);
    expect(outcomes.some((outcome) => outcome.notes?.some((note) => note.startsWith('added labels from annotation.conf')))).toBe(true);
    expect(factmark('validate', dir).code).toBe(0);

    const zip = path.join(await tempDir(), 'brat.zip');
    expect(factmark('export', dir, '--format', 'brat', '--out', zip).code).toBe(0);
    const files = unzipSync(new Uint8Array(await readFile(zip)));
    const manifest = JSON.parse(await readFile(path.join(dir, 'factmark.json'), 'utf8')) as { labels: { id: string }[] };
    for (const label of manifest.labels) expect(strFromU8(files['annotation.conf'] as Uint8Array)).toContain(`\n${label.id}\n`);

    const annFiles = readdirSync(corpus).filter((name) => name.endsWith('.ann'));
    const exported = Object.keys(files).filter((name) => name.endsWith('.ann'));
    expect(exported).toHaveLength(annFiles.length);
    // Types that differ from a label only in case ("Entity") are that label ("entity"),
    // and the import says so.
    const labelOf = (type: string) => manifest.labels.find((label) => label.id === type)?.id ?? manifest.labels.find((label) => label.id.toLowerCase() === type.toLowerCase())?.id ?? type;
    for (const name of annFiles) {
      // The export keeps the names the files had.
      const target = `anna/${name}`;
      expect(exported, name).toContain(target);
      const text = readFileSync(path.join(corpus, name.replace(/\.ann$/, '.txt')), 'utf8');
      expect(strFromU8(files[target.replace(/\.ann$/, '.txt')] as Uint8Array)).toBe(text);
      const original = parseBrat(readFileSync(path.join(corpus, name), 'utf8'), text, NOW);
      const renamed = original.spans.filter((span) => labelOf(span.label) !== span.label);
      if (renamed.length) expect(outcomes.find((outcome) => outcome.file.endsWith(name))?.notes?.join('\n')).toContain(`${renamed[0]?.label} → ${labelOf(renamed[0]?.label ?? '')}`);
      const again = parseBrat(strFromU8(files[target] as Uint8Array), text, NOW);
      expect(again.skipped).toEqual([]);
      expect(content(again.spans, again.relations), name).toEqual(content(original.spans.map((span) => ({ ...span, label: labelOf(span.label) })), original.relations));
    }
  });

  it('reports an .ann without its text, and events, by file and line', async () => {
    const dir = path.join(await tempDir(), 'p');
    factmark('init', dir);
    const corpus = path.join(bratDir, 'BioNLP-ST_2011/BioNLP-ST_2011_EPI');
    const ann = readdirSync(corpus).find((name) => name.endsWith('.ann') && readFileSync(path.join(corpus, name), 'utf8').includes('\nE')) as string;
    const run = factmark('import', dir, path.join(corpus, ann), '--format', 'brat', '--annotator', 'anna');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`${ann}: line \\d+: event: Factmark does not model events`));
    expect(run.stderr).toMatch(/note: \S*annotation\.conf: event types are not modelled/);

    // Without its .txt beside it, an .ann cannot be placed: said, and nothing is added.
    const alone = path.join(await tempDir(), ann);
    await copyFile(path.join(corpus, ann), alone);
    const orphan = factmark('import', dir, alone, '--format', 'brat', '--annotator', 'bert');
    expect(orphan.code).toBe(1);
    expect(orphan.stderr).toContain(`failed: ${alone} has no ${alone.replace(/\.ann$/, '')}.txt beside it`);
    expect(existsSync(path.join(dir, 'annotations/bert'))).toBe(false);
  });
});
