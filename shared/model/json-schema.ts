/**
 * JSON Schema files generated from the zod schemas, for people and tools that read the
 * corpus without Factmark. Written to resources/schema/ by `npm run schemas`; a test
 * fails when the committed files are stale.
 */
import { z } from 'zod';
import { AnnotationLayer } from './annotations.js';
import { ClaimRegistry } from './claims.js';
import { CorpusExport } from './corpus.js';
import { SourceDocument } from './document.js';
import { EntityRegistry } from './entities.js';
import { ProjectManifest } from './project.js';

const FILES = {
  'factmark-project.schema.json': { schema: ProjectManifest, title: 'Factmark project manifest (factmark.json)' },
  'factmark-document.schema.json': { schema: SourceDocument, title: 'Factmark document (documents/<id>.json)' },
  'factmark-annotations.schema.json': { schema: AnnotationLayer, title: 'Factmark annotation layer (annotations/<annotator>/<documentId>.json)' },
  'factmark-entities.schema.json': { schema: EntityRegistry, title: 'Factmark entity registry (entities.json)' },
  'factmark-claims.schema.json': { schema: ClaimRegistry, title: 'Factmark canonical claims (claims.json)' },
  'factmark-corpus.schema.json': { schema: CorpusExport, title: 'Factmark corpus export (factmark export --format json)' },
} as const;

/** File name -> pretty-printed JSON Schema (draft 2020-12), describing files as read. */
export function generateJsonSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, { schema, title }] of Object.entries(FILES)) {
    const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
    out[name] = `${JSON.stringify({ title, ...json }, null, 2)}\n`;
  }
  return out;
}
