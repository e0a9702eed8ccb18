/**
 * brat standoff as one download: a zip with annotation.conf at the top (brat looks for it
 * in parent folders) and a folder per annotator holding `<document>.txt` and
 * `<document>.ann`, so each annotator's layer opens in brat as a collection. Each
 * document is compressed as it comes, so the archive streams like the other formats.
 */
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import type { CorpusDocument } from '../model/corpus.js';
import { writeBrat } from './brat.js';
import { writeAnnotationConf } from './brat-conf.js';
import type { CorpusHeader } from './factmark-json.js';
import type { CorpusEncoder } from './registry.js';

export function bratArchiveEncoder(): CorpusEncoder {
  const pending: Uint8Array[] = [];
  // fflate's Zip hands out bytes synchronously as files are pushed (ZipDeflate is the
  // synchronous compressor), so each piece returns what its files produced.
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    pending.push(chunk);
  });
  const add = (name: string, text: string) => {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(strToU8(text), true);
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
  let entityNames = new Map<string, string>();
  return {
    head: (header: CorpusHeader) => {
      entityNames = new Map(header.entities.map((entity) => [entity.id, entity.name]));
      add('annotation.conf', writeAnnotationConf(header.project.labels, header.project.relationTypes));
      return take();
    },
    document: (doc: CorpusDocument) => {
      for (const layer of doc.annotations) {
        add(`${layer.annotator}/${doc.id}.txt`, doc.text);
        add(`${layer.annotator}/${doc.id}.ann`, writeBrat(layer.spans, layer.relations, (id) => entityNames.get(id)));
      }
      return take();
    },
    tail: () => {
      zip.end();
      return take();
    },
  };
}
