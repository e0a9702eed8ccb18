/**
 * Other people's files (tests/fixtures/interchange/SOURCES.md says whose): each source
 * is imported into a new project, its spans checked against the file's own offsets in
 * the file's own unit (doccano: UTF-16 code units; Label Studio, spaCy, brat: code
 * points; W3C: the quote; CoNLL: tokens), every report's counts must add up, and each
 * layer is exported in the same format and imported again, giving the same spans.
 * Each source's totals are pinned too, so a change that places less is seen.
 *
 * The corpus is tests/fixtures/interchange/ (FACTMARK_INTERCHANGE_CORPUS may name another
 * copy with the same layout); a missing corpus fails, it is not skipped.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnnotationImportOutcome } from '../../../shared/api.js';
import { EXPORT_FORMATS, type ImportFormatId } from '../../../shared/formats/catalog.js';
import { FactmarkService } from '../../../main/service.js';
import { repoRoot } from '../../helpers/paths.js';
import { tempDir } from '../../helpers/temp.js';

const FORMATS = ['brat', 'doccano', 'label-studio', 'w3c', 'spacy', 'conll'] as const;
type Format = (typeof FORMATS)[number];

// The corpus is kept in the repository; FACTMARK_INTERCHANGE_CORPUS points at another copy (a bigger one, say).
const corpusDir = process.env.FACTMARK_INTERCHANGE_CORPUS ?? path.join(repoRoot, 'tests/fixtures/interchange');

/** records/annotations read/placed/left out, per source (SOURCES.md says why some are left out). */
const EXPECTED: Record<string, string> = {
  'brat/argument-reasoning': '2/32/32/0',
  'brat/keepha-ja': '2/264/261/3',
  'brat/wnut-2020': '1/222/152/70',
  'doccano/doccano-1x': '2/16/16/0',
  'doccano/export-sequence-labeling': '3/4/4/0',
  'doccano/relation-extraction': '1/7/7/0',
  'doccano/sequence-labeling': '3/3/3/0',
  'label-studio/named-entity': '1/1/1/0',
  'label-studio/named-entity-predictions': '1/1/0/1',
  'label-studio/rich-text-plain': '1/1/0/1',
  'w3c/recogito': '4/5/2/3',
  'w3c/text-annotator': '5/5/0/5',
  'w3c/web-annotation': '44/44/0/44',
  'spacy/drugs': '5/3/3/0',
  'spacy/fashion-brands': '5/7/7/0',
  'spacy/rel-component': '3/31/31/0',
  'conll/doccano': '1/2/2/0',
  'conll/doccano-transformer': '1/5/5/0',
  'conll/wnut-2020': '1/132/132/0',
};

const NOW = new Date('2026-12-01T00:00:00.000Z');
const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? files(path.join(dir, name)) : [path.join(dir, name)]));

interface Placed {
  label: string;
  text: string;
  /** In the source's own unit. */
  start: number;
  end: number;
}

async function newProject() {
  const service = new FactmarkService({ now: () => NOW });
  const dir = path.join(await tempDir(), 'p');
  await service.createProject({ dir });
  return { service, dir };
}

type Project = Awaited<ReturnType<typeof newProject>>;

/** Every span of every layer, with its document's text. */
async function layers(project: Project) {
  const out: { annotator: string; text: string; spans: { label: string; start: number; end: number; exact: string }[]; relations: number }[] = [];
  for (const doc of await project.service.listDocuments({})) {
    for (const summary of doc.layers) {
      const { layer, document } = await project.service.getDocument({ documentId: doc.id, annotator: summary.annotator });
      const { text } = document;
      out.push({ annotator: summary.annotator, text, spans: layer.spans.map((span) => ({ label: span.label, start: span.start, end: span.end, exact: span.quote.exact })), relations: layer.relations.length });
    }
  }
  return out;
}

function expectCountsAddUp(outcomes: readonly AnnotationImportOutcome[], holdsAnnotations: boolean) {
  for (const outcome of outcomes) {
    expect(outcome.error, outcome.file).toBeUndefined();
    const counts = outcome.counts;
    expect(counts, outcome.file).toBeDefined();
    if (!counts) continue;
    expect(counts.placed + counts.leftOut, outcome.file).toBe(counts.annotations);
    expect(outcome.failed.reduce((total, failure) => total + (failure.count ?? 1), 0), outcome.file).toBe(counts.leftOut);
    expect(outcome.failed.filter((failure) => failure.reason.includes('neither placed nor reported')), outcome.file).toEqual([]);
  }
  // Never "nothing" for a file that holds annotations.
  if (holdsAnnotations) expect(outcomes.reduce((total, outcome) => total + (outcome.counts?.annotations ?? 0), 0)).toBeGreaterThan(0);
}

const cp = (text: string) => [...text];
/** A code point offset into `text` as UTF-16 code units. */
const utf16 = (text: string, codePoint: number) => cp(text).slice(0, codePoint).join('').length;

/** What the source itself says, read here by the format's definition, not by Factmark's reader. */
function sourceSpans(format: Format, source: string): Placed[] {
  const out: Placed[] = [];
  for (const file of files(source)) {
    const raw = readFileSync(file, 'utf8');
    if (format === 'doccano' && file.endsWith('.jsonl')) {
      for (const line of raw.split('\n').filter((l) => l.trim())) {
        const record = JSON.parse(line) as { text?: string; column_data?: string; label?: [number, number, string][]; column_label?: [number, number, string][]; entities?: { start_offset: number; end_offset: number; label: string | number }[]; annotations?: { start_offset: number; end_offset: number; label: string | number }[] };
        const text = record.text ?? record.column_data;
        if (typeof text !== 'string') continue;
        for (const [start, end, label] of [...(record.label ?? []), ...(record.column_label ?? [])]) out.push({ label, start, end, text: text.slice(start, end) });
        for (const entity of [...(record.entities ?? []), ...(record.annotations ?? [])]) out.push({ label: String(entity.label), start: entity.start_offset, end: entity.end_offset, text: text.slice(entity.start_offset, entity.end_offset) });
      }
    } else if (format === 'label-studio') {
      const json = JSON.parse(raw) as unknown;
      for (const task of (Array.isArray(json) ? json : [json]) as { data: Record<string, string>; annotations?: { result: { type: string; value: { start: number; end: number; labels: string[] } }[] }[] }[]) {
        const text = task.data.text ?? Object.values(task.data).find((value) => typeof value === 'string') ?? '';
        for (const annotation of task.annotations ?? []) for (const result of annotation.result) if (result.type === 'labels') for (const label of result.value.labels) out.push({ label, start: result.value.start, end: result.value.end, text: cp(text).slice(result.value.start, result.value.end).join('') });
      }
    } else if (format === 'spacy') {
      for (const line of raw.split('\n').filter((l) => l.trim())) {
        const record = JSON.parse(line) as { text: string; spans?: { start: number; end: number; label: string }[]; answer?: string };
        if (record.answer && record.answer !== 'accept') continue;
        for (const span of record.spans ?? []) out.push({ label: span.label, start: span.start, end: span.end, text: cp(record.text).slice(span.start, span.end).join('') });
      }
    } else if (format === 'brat' && file.endsWith('.ann')) {
      const text = readFileSync(file.replace(/\.ann$/, '.txt'), 'utf8');
      for (const line of raw.split('\n')) {
        const match = /^T\d+\t(\S+) (\d+) (\d+)\t/.exec(line);
        if (match) out.push({ label: match[1] as string, start: Number(match[2]), end: Number(match[3]), text: cp(text).slice(Number(match[2]), Number(match[3])).join('') });
      }
    } else if (format === 'w3c' && /\.json(ld)?$/.test(file)) {
      const json = JSON.parse(raw) as { first?: { items?: unknown[] } } | unknown[];
      const items = (Array.isArray(json) ? json : (json.first?.items ?? [json])) as { target?: { selector?: unknown } }[];
      for (const item of items) {
        const selectors = [item.target?.selector].flat() as ({ type?: string; exact?: string } | undefined)[];
        const quote = selectors.find((selector) => selector?.type === 'TextQuoteSelector');
        if (quote?.exact) out.push({ label: '', start: 0, end: 0, text: quote.exact });
      }
    } else if (format === 'conll') {
      // Tokens: a span is its tokens, joined by spaces; offsets are token indexes.
      let index = 0;
      let open: Placed | null = null;
      const close = () => {
        if (open) out.push(open);
        open = null;
      };
      for (const line of raw.split(/\r?\n/)) {
        if (line.trim() === '' || line.startsWith('-DOCSTART-')) {
          close();
          continue;
        }
        const columns = line.includes('\t') ? line.split('\t') : line.trim().split(/\s+/);
        const token = columns[0] as string;
        const tag = (columns[columns.length - 1] as string).trim();
        const [prefix, type] = tag === 'O' ? ['O', ''] : /^[BIES]-/.test(tag) ? [tag[0], tag.slice(2)] : ['I', tag];
        const current = open as Placed | null;
        if (prefix === 'O') close();
        else if (prefix === 'B' || prefix === 'S' || !current || current.label !== type) {
          close();
          open = { label: type as string, start: index, end: index + 1, text: token };
        } else if (current) {
          current.end = index + 1;
          current.text += ` ${token}`;
        }
        if (prefix === 'E' || prefix === 'S') close();
        index++;
      }
      close();
    }
  }
  return out;
}

/** How each format's imported span is said in the source's unit. */
function inSourceUnit(format: Format, text: string, span: { start: number; end: number; exact: string; label: string }): Placed {
  if (format === 'doccano') return { label: span.label, start: utf16(text, span.start), end: utf16(text, span.end), text: span.exact };
  if (format === 'w3c') return { label: '', start: 0, end: 0, text: span.exact };
  if (format === 'conll') return { label: span.label, start: 0, end: 0, text: span.exact };
  return { label: span.label, start: span.start, end: span.end, text: span.exact };
}

const key = (format: Format, span: Placed) => (format === 'conll' ? `${span.label.toLowerCase()}|${span.text}` : `${span.label.toLowerCase()}|${span.start}|${span.end}|${span.text}`);
const formatOf = (format: Format): ImportFormatId => format;

describe('interchange conformance: other people\'s files', () => {
  const sources = FORMATS.flatMap((format) => (existsSync(path.join(corpusDir, format)) ? readdirSync(path.join(corpusDir, format)) : []).filter((name) => statSync(path.join(corpusDir, format, name)).isDirectory()).map((name) => [format, name] as const));

  it('has at least three sources per format', () => {
    expect(existsSync(corpusDir), corpusDir).toBe(true);
    for (const format of FORMATS) expect(sources.filter(([known]) => known === format).length, format).toBeGreaterThanOrEqual(3);
  });

  it.each(sources)('%s: %s', async (format, name) => {
    const source = path.join(corpusDir, format, name);
    const first = await newProject();
    // W3C annotations point into documents: the article they were made on comes first.
    for (const page of files(source).filter((file) => file.endsWith('.html'))) await first.service.importFilesAt([page], { importedBy: 'conformance' });
    const paths = format === 'w3c' ? files(source).filter((file) => !file.endsWith('.html')) : [source];
    // Label Studio and doccano 1.x keep their annotators apart; the others go into one layer.
    // (A Label Studio file whose annotations name no annotator goes into one layer.)
    const unnamed = format === 'label-studio' && !files(source).some((file) => readFileSync(file, 'utf8').includes('"completed_by"'));
    const annotator = (format === 'label-studio' && !unnamed) || name === 'doccano-1x' ? {} : { annotator: 'conformance' };
    const outcomes = await first.service.importAnnotationsAt(paths, { format: formatOf(format), ...annotator, addLabels: true });
    expectCountsAddUp(outcomes, true);
    const total = (key: 'records' | 'annotations' | 'placed' | 'leftOut') => outcomes.reduce((sum, outcome) => sum + (outcome.counts?.[key] ?? 0), 0);
    // What each source gave when SOURCES.md was written: a change that places less is seen.
    const pinned = EXPECTED[`${format}/${name}`];
    if (pinned || !process.env.FACTMARK_INTERCHANGE_CORPUS) expect([total('records'), total('annotations'), total('placed'), total('leftOut')].join('/'), 'records/annotations/placed/left out').toBe(pinned);

    // Each placed span is where the source says, in the source's unit.
    const expected = new Map<string, number>();
    for (const span of sourceSpans(format, source)) expected.set(key(format, span), (expected.get(key(format, span)) ?? 0) + 1);
    const imported = await layers(first);
    const placed = imported.flatMap((layer) => layer.spans.map((span) => inSourceUnit(format, layer.text, span)));
    for (const span of placed) {
      const found = format === 'w3c' ? [...expected.keys()].some((known) => known.endsWith(`|${span.text}`)) : expected.has(key(format, span));
      expect(found, `${JSON.stringify(span)} is not in the source`).toBe(true);
    }
    const spansPlaced = outcomes.reduce((total, outcome) => total + Object.values(outcome.added).reduce((sum, n) => sum + n, 0), 0);
    expect(placed.length).toBe(spansPlaced);

    // Export each layer in the same format and import it again: the same spans.
    const second = await newProject();
    const documents = path.join(path.dirname(first.dir), 'documents.json');
    await first.service.exportToFile(documents, { format: 'factmark-json', annotators: ['no-one'] });
    await second.service.importAnnotationsAt([documents], { format: 'factmark-json' });
    const exportFormat = format === 'w3c' ? 'w3c' : format;
    for (const annotator of [...new Set(imported.map((layer) => layer.annotator))]) {
      const out = path.join(path.dirname(first.dir), `${annotator}${EXPORT_FORMATS[exportFormat].extension}`);
      await first.service.exportToFile(out, { format: exportFormat, annotators: [annotator] });
      const back = await second.service.importAnnotationsAt([out], { format: formatOf(format), annotator, addLabels: true });
      expectCountsAddUp(back, imported.some((layer) => layer.annotator === annotator && layer.spans.length > 0));
      expect(back.flatMap((outcome) => outcome.failed), `${annotator}: nothing is lost on the way back`).toEqual([]);
    }
    const again = await layers(second);
    const spansOf = (all: typeof imported) =>
      all
        .flatMap((layer) => layer.spans.map((span) => `${layer.annotator}|${format === 'conll' ? `${span.label}|${span.exact.replace(/\s+/g, '')}` : `${span.label}|${span.start}|${span.end}|${span.exact}`}`))
        .sort();
    expect(spansOf(again)).toEqual(spansOf(imported));
    expect(again.reduce((total, layer) => total + layer.relations, 0)).toBe(imported.reduce((total, layer) => total + layer.relations, 0));
  });
});
