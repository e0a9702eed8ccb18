/**
 * What each file of a project is, for syncing: which schema checks it, and how two
 * versions of it are merged (corpus-merge.ts). Paths are relative to the project folder,
 * with `/`, as git names them.
 */
import { FactmarkError, isFactmarkError } from '../errors.js';
import { ANNOTATIONS_FORMAT, AnnotationLayer } from '../model/annotations.js';
import { CLAIMS_FORMAT, ClaimRegistry } from '../model/claims.js';
import { DOCUMENT_FORMAT, SourceDocument } from '../model/document.js';
import { ENTITIES_FORMAT, EntityRegistry } from '../model/entities.js';
import { parseFactmarkFile } from '../model/parse.js';
import { PROJECT_FORMAT, ProjectManifest } from '../model/project.js';
import type { Json } from './json-merge.js';

export type CorpusFileKind = 'manifest' | 'entities' | 'claims' | 'document' | 'layer' | 'gitignore' | 'other';

export function corpusFileKind(path: string): CorpusFileKind {
  if (path === 'factmark.json') return 'manifest';
  if (path === 'entities.json') return 'entities';
  if (path === 'claims.json') return 'claims';
  if (path === '.gitignore') return 'gitignore';
  if (/^documents\/[^/]+\.json$/.test(path)) return 'document';
  if (/^annotations\/[^/]+\/[^/]+\.json$/.test(path)) return 'layer';
  return 'other';
}

/** Whether files of this kind are JSON that the merge understands. */
export function isJsonKind(kind: CorpusFileKind): boolean {
  return kind !== 'gitignore' && kind !== 'other';
}

export type Checked = { ok: true; value: Json } | { ok: false; error: FactmarkError };

/**
 * A file's text checked against the schema of its kind (JSON syntax, format, version,
 * fields), as the store checks it on reading. The value is the schema's output: keys in
 * the schema's order and defaults filled in, as Factmark itself writes files.
 */
export function checkCorpusFile(kind: CorpusFileKind, path: string, text: string): Checked {
  try {
    return { ok: true, value: parseKind(kind, path, text) as Json };
  } catch (error) {
    if (isFactmarkError(error)) return { ok: false, error };
    throw error;
  }
}

function parseKind(kind: CorpusFileKind, path: string, text: string): unknown {
  switch (kind) {
    case 'manifest':
      return parseFactmarkFile(PROJECT_FORMAT, ProjectManifest, text, path);
    case 'entities':
      return parseFactmarkFile(ENTITIES_FORMAT, EntityRegistry, text, path);
    case 'document':
      return parseFactmarkFile(DOCUMENT_FORMAT, SourceDocument, text, path);
    case 'layer': {
      const layer = parseFactmarkFile(ANNOTATIONS_FORMAT, AnnotationLayer, text, path);
      // annotations/<annotator>/<document>.json: the file says whose and of what, as its name does.
      const [, annotator, file] = path.split('/');
      if (layer.annotator !== annotator || `${layer.document}.json` !== file) {
        throw new FactmarkError('INVALID', `${path}: it holds ${layer.annotator}'s layer of ${layer.document}, which belongs elsewhere`, { file: path });
      }
      return layer;
    }
    case 'claims':
      return parseFactmarkFile(CLAIMS_FORMAT, ClaimRegistry, text, path);
    case 'gitignore':
    case 'other':
      return text;
  }
}
