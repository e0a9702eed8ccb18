import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBrat } from './decode.js';
import { writeBrat } from './encode.js';
import { parseAnnotationConf, schemaWithConf, writeAnnotationConf } from './conf.js';
import { DEFAULT_LABELS } from '../../model/default-labels.js';
import type { Span } from '../../model/annotations.js';
import { createOffsetIndex } from '../../text/offsets.js';
import { makeQuote } from '../../text/quote.js';
import { trickyText } from '../../../tests/helpers/arbitraries.js';
import { conformanceDir } from '../../../tests/helpers/paths.js';

const NOW = new Date('2026-11-22T00:00:00Z');

function annFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? annFiles(file) : name.endsWith('.ann') ? [file] : [];
  });
}

/** A line without its id, with the referenced T ids replaced by the span's offsets. */
function contentOf(line: string, spans: Map<string, string>): string {
  const [, ...rest] = line.split('\t');
  return rest.join('\t').replace(/\bT\d+\b/g, (id) => spans.get(id) ?? id);
}

const corpora = annFiles(path.join(conformanceDir, 'brat'));

describe('brat standoff against brat\'s own example corpora', () => {
  it('finds the corpora', () => {
    expect(corpora.length).toBeGreaterThan(30);
  });

  it.each(corpora.map((file) => [path.relative(conformanceDir, file), file]))('%s: import, export, import gives back the same annotations', (_name, file) => {
    const ann = readFileSync(file, 'utf8');
    const text = readFileSync(file.replace(/\.ann$/, '.txt'), 'utf8');
    const first = parseBrat(ann, text, NOW);
    // Every text span is taken, and its offsets slice the text to brat's own covered text.
    const tLines = ann.split('\n').filter((line) => line.startsWith('T'));
    expect(first.spans).toHaveLength(tLines.length);
    const index = createOffsetIndex(text);
    for (const span of first.spans) expect(index.slice(span.start, span.end)).toBe(tLines.find((line) => line.startsWith(`${span.id}\t`))?.split('\t')[2]);
    // Only what Factmark does not model is left out, and each such line is reported.
    for (const skipped of first.skipped) expect(skipped.reason).toMatch(/event|not a text span/);
    expect(first.skipped.filter((skipped) => skipped.text.startsWith('E'))).toHaveLength(ann.split('\n').filter((line) => line.startsWith('E')).length);

    const exported = writeBrat(first.spans, first.relations);
    const second = parseBrat(exported, text, NOW);
    expect(second.skipped).toEqual([]);
    expect(second.spans).toEqual(first.spans);
    expect(second.relations.map(({ type, from, to }) => [type, from, to])).toEqual(first.relations.map(({ type, from, to }) => [type, from, to]));

    // Line by line, the exported file says what the original said (ids aside).
    const where = (spans: Span[]) => new Map(spans.map((span) => [span.id, `${span.start}-${span.end}`]));
    const skippedLines = new Set(first.skipped.map((skipped) => skipped.text));
    const original = ann.split('\n').filter((line) => line.trim() && !skippedLines.has(line)).map((line) => contentOf(line, where(first.spans))).sort();
    const written = exported.split('\n').filter((line) => line.trim()).map((line) => contentOf(line, where(second.spans))).sort();
    expect(written).toEqual(original);
  });

  it('reports discontinuous spans instead of cutting them, and checks the covered text', () => {
    const text = 'North and South Korea met.';
    const result = parseBrat('T1\tLOC 0 5;10 21\tNorth South Korea\nT2\tLOC 10 21\tSouth Korea\nT3\tLOC 0 4\tSouth\n', text, NOW);
    expect(result.spans.map((span) => span.quote.exact)).toEqual(['South Korea']);
    expect(result.skipped.map((skipped) => [skipped.line, skipped.reason])).toEqual([
      [1, 'discontinuous span: Factmark spans are one stretch of text'],
      [3, 'the text at 0-4 is not "South"'],
    ]);
  });

  it('round-trips random spans, notes and normalizations on text with astral characters and CRLF', () => {
    fc.assert(
      fc.property(trickyText(50), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('PER', 'ORG'), fc.boolean()), { maxLength: 6 }), (raw, picks) => {
        const text = `${raw}x`;
        const index = createOffsetIndex(text);
        const spans: Span[] = picks.map(([a, b, label, extra], i) => {
          const start = Math.min(a, b) % index.length;
          const end = Math.max(start + 1, Math.max(a, b) % (index.length + 1));
          return {
            id: `T${i + 1}`,
            label,
            start,
            end,
            quote: makeQuote(index, start, end),
            attributes: (extra ? { Negated: true, entityId: 'Wikidata:Q1', entityIdName: 'Some name' } : {}) as Span['attributes'],
            createdAt: NOW.toISOString(),
            updatedAt: NOW.toISOString(),
            ...(extra ? { note: 'checked' } : {}),
          };
        });
        const back = parseBrat(writeBrat(spans, []), text, NOW);
        expect(back.skipped).toEqual([]);
        expect(back.spans).toEqual(spans);
      }),
    );
  });
});

describe('annotation.conf', () => {
  const confs = (function find(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const file = path.join(dir, name);
      return statSync(file).isDirectory() ? find(file) : name === 'annotation.conf' ? [file] : [];
    });
  })(path.join(conformanceDir, 'brat'));

  it('reads brat\'s own: entity types, relations with their arguments, attributes with values, events', () => {
    expect(confs).toHaveLength(3);
    const read = Object.fromEntries(confs.map((file) => [path.basename(path.dirname(file)), parseAnnotationConf(readFileSync(file, 'utf8'))]));
    for (const { problems } of Object.values(read)) expect(problems).toEqual([]);
    expect(read['CoNLL-ST_2002']?.conf).toEqual({ entities: ['ORG', 'PER', 'LOC', 'MISC'], relations: [], attributes: [], events: [] });
    expect(read['NCBI-disease']?.conf.attributes).toEqual([{ name: 'Category', labels: ['Disease'], values: ['SpecificDisease', 'Modifier', 'DiseaseClass', 'CompositeMention'] }]);
    const epi = read['BioNLP-ST_2011_EPI']?.conf;
    expect(epi?.relations).toEqual([
      { type: 'Equiv', from: ['Protein'], to: ['Protein'] },
      { type: 'Equiv', from: ['Entity'], to: ['Entity'] },
    ]);
    // "DNA_methylation|GO:0006306": the first name is the type.
    expect(epi?.events).toContain('DNA_methylation');
    expect(epi?.events).toHaveLength(15);
  });

  it('names the line it cannot read', () => {
    expect(parseAnnotationConf('Protein\n[entities]\nGene\n[relations]\nBinds\tArg1:Gene\n[colours]\n').problems).toEqual([
      { line: 1, reason: 'a definition before any [section]' },
      { line: 5, reason: 'relation "Binds" needs two arguments' },
      { line: 6, reason: 'unknown section [colours]' },
    ]);
  });

  it('expands macros and nested types in argument lists, and names types no section declares', () => {
    const { conf, problems } = parseAnnotationConf('[entities]\n!Organism\n\tHuman\n\tMouse\nGene\n[relations]\n<GG>=Gene\nHas\tArg1:Organism, Arg2:<GG>\nAny\tArg1:<ANY>, Arg2:<ENTITY>\nBad\tArg1:Gene, Arg2:Virus\n<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n[events]\nBind\n[attributes]\nNeg\tArg:<EVENT>\n');
    expect(conf.entities).toEqual(['Human', 'Mouse', 'Gene']);
    expect(conf.relations).toEqual([
      { type: 'Has', from: ['Human', 'Mouse'], to: ['Gene'] },
      { type: 'Any', from: ['Human', 'Mouse', 'Gene', 'Bind'], to: ['Human', 'Mouse', 'Gene'] },
    ]);
    expect(conf.attributes).toEqual([{ name: 'Neg', labels: ['Bind'], values: null }]);
    expect(problems).toEqual([{ line: 10, reason: 'relation "Bad" names types that [entities] and [events] do not declare: Virus' }]);
  });

  it('is written from the label schema and read back to the same types', () => {
    const relationTypes = [{ id: 'supports', from: ['claim'], to: ['claim', 'entity'] }];
    const { conf, problems } = parseAnnotationConf(writeAnnotationConf(DEFAULT_LABELS, relationTypes));
    expect(problems).toEqual([]);
    expect(conf.entities).toEqual(DEFAULT_LABELS.map((label) => label.id));
    expect(conf.relations).toEqual([{ type: 'supports', from: ['claim'], to: ['claim', 'entity'] }]);
    const enums = DEFAULT_LABELS.flatMap((label) => label.attributes.filter((attribute) => attribute.type === 'enum').map((attribute) => attribute.id));
    expect(conf.attributes.map((attribute) => attribute.name).sort()).toEqual([...new Set(enums)].sort());
  });

  it('adds to a schema only what it lacks, each new label with a free key, and stops when keys run out', () => {
    const conf = { entities: ['claim', 'Protein', 'Entity'], relations: [{ type: 'Equiv', from: ['Protein'], to: ['Protein'] }], attributes: [{ name: 'Negated', labels: ['Protein'], values: null }], events: ['Binding'] };
    const next = schemaWithConf(conf, DEFAULT_LABELS, []);
    // "Entity" is the label "entity" (types are matched regardless of case).
    expect(next?.added).toEqual(['Protein', 'Binding']);
    const keys = next?.labels.map((label) => label.key) ?? [];
    expect(new Set(keys).size).toBe(keys.length);
    expect(next?.labels.find((label) => label.id === 'Protein')?.attributes).toEqual([{ id: 'Negated', name: 'Negated', type: 'boolean' }]);
    expect(next?.relationTypes).toEqual([{ id: 'Equiv', name: 'Equiv', from: ['Protein'], to: ['Protein'] }]);
    expect(next?.labels.find((label) => label.id === 'claim')).toEqual(DEFAULT_LABELS.find((label) => label.id === 'claim'));
    const many = { ...conf, entities: Array.from({ length: 40 }, (_, i) => `Type${i}`) };
    expect(schemaWithConf(many, DEFAULT_LABELS, [])).toBeNull();
  });
});
