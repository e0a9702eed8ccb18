/**
 * brat standoff as one download: a zip with annotation.conf at the top (brat looks for it
 * in parent folders) and a folder per annotator holding `<document>.txt` and
 * `<document>.ann`, so each annotator's layer opens in brat as a collection. Each
 * document is compressed as it comes, so the archive streams like the other formats.
 */
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import type { AttributeValue, Relation, Span } from '../../model/annotations.js';
import type { CorpusDocument } from '../../model/corpus.js';
import type { CorpusEncoder } from '../codec.js';
import type { CorpusHeader } from '../factmark-json/encode.js';
import { writeAnnotationConf } from './conf.js';
import { NORMALIZATION_ATTRIBUTE, flat } from './decode.js';

/** A file of a brat collection: its path inside the collection and its text. */
export interface BratFile {
  name: string;
  text: string;
}

/**
 * brat's files for the corpus, piece by piece: annotation.conf at the top (brat looks
 * for it in parent folders), then a folder per annotator holding `<name>.txt` and
 * `<name>.ann` for each document. A document is named after the file it was imported
 * from ("PMID-9066888.txt" comes back as PMID-9066888) when no other document of the
 * export took that name first, and by its id otherwise.
 */
export function bratFiles() {
  let entityNames = new Map<string, string>();
  const names = new Map<string, string>();
  const taken = new Set<string>();
  const nameOf = (doc: CorpusDocument): string => {
    const known = names.get(doc.id);
    if (known) return known;
    const file = doc.meta.source?.file;
    const stem = file ? safeStem(file) : null;
    const name = stem && !taken.has(stem.toLowerCase()) && !doc.meta.source?.record ? stem : doc.id;
    taken.add(name.toLowerCase());
    names.set(doc.id, name);
    return name;
  };
  return {
    head: (header: CorpusHeader): BratFile[] => {
      entityNames = new Map(header.entities.map((entity) => [entity.id, entity.name]));
      return [{ name: 'annotation.conf', text: writeAnnotationConf(header.project.labels, header.project.relationTypes) }];
    },
    document: (doc: CorpusDocument): BratFile[] =>
      doc.annotations.flatMap((layer) => [
        { name: `${layer.annotator}/${nameOf(doc)}.txt`, text: doc.text },
        { name: `${layer.annotator}/${nameOf(doc)}.ann`, text: writeBrat(layer.spans, layer.relations, (id) => entityNames.get(id)) },
      ]),
  };
}

/** A file name without folders and extension, when it is safe as one in a folder. */
function safeStem(file: string): string | null {
  const stem = (file.split(/[\\/]/).pop() ?? '').replace(/\.[^.]*$/, '');
  return /^[\p{L}\p{N}_][\p{L}\p{N}._ -]{0,150}$/u.test(stem) && !/^d_[0-9a-f]{12}$/.test(stem) ? stem : null;
}

export function bratArchiveEncoder(): CorpusEncoder {
  const pending: Uint8Array[] = [];
  // fflate's Zip hands out bytes synchronously as files are pushed (ZipDeflate is the
  // synchronous compressor), so each piece returns what its files produced.
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    pending.push(chunk);
  });
  const add = (files: readonly BratFile[]) => {
    for (const { name, text } of files) {
      const file = new ZipDeflate(name, { level: 6 });
      zip.add(file);
      file.push(strToU8(text), true);
    }
  };
  const take = (): Uint8Array => {
    const bytes = new Uint8Array(pending.reduce((total, chunk) => total + chunk.length, 0));
    let at = 0;
    for (const chunk of pending.splice(0)) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes;
  };
  const files = bratFiles();
  return {
    head: (header: CorpusHeader) => {
      add(files.head(header));
      return take();
    },
    document: (doc: CorpusDocument) => {
      add(files.document(doc));
      return take();
    },
    tail: () => {
      zip.end();
      return take();
    },
  };
}

/**
 * The .ann text for spans and relations (ids become T1..., R1..., A1... in order; an
 * attribute naming another span of the layer names its T id). `entityName` gives the
 * text of an N line for an entity reference the span itself does not name.
 */
export function writeBrat(spans: readonly Span[], relations: readonly Relation[], entityName: (id: string) => string | undefined = () => undefined): string {
  const out: string[] = [];
  const tid = new Map<string, string>();
  spans.forEach((span, i) => {
    const id = /^T\d+$/.test(span.id) && !tid.has(span.id) ? span.id : `T${i + 1}`;
    tid.set(span.id, id);
  });
  // Ids of spans that were not T-numbered may clash with ones that were: number afresh then.
  if (new Set(tid.values()).size !== tid.size) spans.forEach((span, i) => tid.set(span.id, `T${i + 1}`));
  for (const span of spans) out.push(`${tid.get(span.id)}\t${span.label} ${span.start} ${span.end}\t${flat(span.quote.exact)}`);
  let attributeCount = 0;
  let noteCount = 0;
  let normalizationCount = 0;
  for (const span of spans) {
    for (const [name, value] of Object.entries(span.attributes)) {
      if (name === NORMALIZATION_ATTRIBUTE && typeof value === 'string') {
        const named = span.attributes[`${NORMALIZATION_ATTRIBUTE}Name`];
        const label = typeof named === 'string' ? named : entityName(value);
        out.push(`N${++normalizationCount}\tReference ${tid.get(span.id)} ${value}${typeof label === 'string' ? `\t${label}` : ''}`);
      } else if (name === `${NORMALIZATION_ATTRIBUTE}Name` || value === null || value === false) {
        continue;
      } else {
        const target = typeof value === 'string' ? tid.get(value) : undefined;
        out.push(`A${++attributeCount}\t${name} ${tid.get(span.id)}${value === true ? '' : ` ${target ?? attributeText(value)}`}`);
      }
    }
    if (span.note) for (const note of span.note.split('\n')) out.push(`#${++noteCount}\tAnnotatorNotes ${tid.get(span.id)}\t${note}`);
  }
  let relationCount = 0;
  const equivalences = new Map<string, string[]>();
  for (const relation of relations) {
    if ((relation as { equivalence?: boolean }).equivalence) {
      const key = `${relation.type} ${relation.from}`;
      equivalences.set(key, [...(equivalences.get(key) ?? [tid.get(relation.from) as string]), tid.get(relation.to) as string]);
      continue;
    }
    const roles = (relation as { roles?: string[] }).roles ?? ['Arg1', 'Arg2'];
    out.push(`R${++relationCount}\t${relation.type} ${roles[0]}:${tid.get(relation.from)} ${roles[1]}:${tid.get(relation.to)}`);
  }
  for (const [key, members] of equivalences) out.push(`*\t${key.split(' ')[0]} ${members.join(' ')}`);
  return `${out.join('\n')}\n`;
}


function attributeText(value: AttributeValue): string {
  return Array.isArray(value) ? value.join(',') : String(value).replace(/\s+/g, '_');
}
