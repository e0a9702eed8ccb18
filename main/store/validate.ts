/**
 * Checks a whole project folder: every file against its schema, every document against
 * its sha256, every layer against its document's text and the label schema. Collects
 * every problem instead of stopping at the first, for `factmark validate`. Reports the
 * folder as it is: it changes nothing, not even the leftovers of interrupted saves, which
 * it lists as warnings (opening the project in the app or the CLI removes them).
 */
import path from 'node:path';
import type { ValidationProblem, ValidationReport } from '../../shared/api.js';
import { isFactmarkError } from '../../shared/errors.js';
import { checkLayer } from '../../shared/model/consistency.js';
import type { SourceDocument } from '../../shared/model/document.js';
import { ProjectStore } from './project-store.js';
import { listSubfolders, pathExists } from './files.js';
import { ANNOTATIONS_DIR, checkedAnnotator } from './layout.js';
import { describeLeftover, findLeftovers } from './leftovers.js';


/** Runs `check`; a FactmarkError becomes a problem on `file`, anything else is re-thrown. */
async function collect<T>(problems: ValidationProblem[], file: string, check: () => Promise<T>): Promise<T | undefined> {
  try {
    return await check();
  } catch (error) {
    if (!isFactmarkError(error)) throw error;
    const message = error.details.path ? `${error.details.path}: ${stripFile(error.message, error.details.file)}` : stripFile(error.message, error.details.file);
    problems.push({ file: error.details.file ?? file, severity: 'error', message });
    return undefined;
  }
}

/** Messages start with the file name; the report prints it separately. */
function stripFile(message: string, file: string | undefined): string {
  if (file && message.startsWith(file)) return message.slice(file.length).replace(/^[:\s]+/, '');
  return message;
}

export async function validateProject(dir: string): Promise<ValidationReport> {
  const problems: ValidationProblem[] = [];
  let filesChecked = 1;
  const store = await collect(problems, 'factmark.json', () => ProjectStore.open(dir));
  if (!store) return { problems, filesChecked };

  filesChecked++;
  const registry = await collect(problems, 'entities.json', () => store.readEntities());
  const entityIds = new Set((registry?.entities ?? []).map((entity) => entity.id));
  // claims.json is there once a claim is made; a project without it has nothing to check.
  if (await pathExists(store.layout.claims)) filesChecked++;
  const claims = await collect(problems, 'claims.json', () => store.readClaims());
  // An unreadable claims.json is reported once, above, not again at every link to it.
  const claimIds = claims ? new Set(claims.claims.map((claim) => claim.id)) : undefined;

  const documents = new Map<string, SourceDocument>();
  for (const id of await store.listDocumentIds()) {
    filesChecked++;
    const doc = await collect(problems, path.join('documents', `${id}.json`), () => store.readDocument(id));
    if (doc) documents.set(id, doc);
  }

  for (const folder of await listSubfolders(store.layout.annotationsDir)) {
    try {
      checkedAnnotator(folder);
    } catch {
      problems.push({ file: path.join(ANNOTATIONS_DIR, folder), severity: 'warning', message: 'not a valid annotator name, so its files are ignored' });
      continue;
    }
    for (const documentId of await store.listLayerIds(folder)) {
      filesChecked++;
      const file = path.join(ANNOTATIONS_DIR, folder, `${documentId}.json`);
      const layer = await collect(problems, file, () => store.readLayerFile(documentId, folder));
      if (!layer) continue;
      const doc = documents.get(documentId);
      if (!doc) {
        problems.push({ file, severity: 'error', message: `annotates document ${documentId}, which is missing or unreadable` });
        continue;
      }
      for (const problem of checkLayer({ manifest: store.manifest, text: doc.text, sha256: doc.sha256, entityIds, ...(claimIds ? { claimIds } : {}) }, layer)) {
        problems.push({ file, ...problem });
      }
    }
  }
  for (const leftover of (await collect(problems, '.', () => findLeftovers(store.layout))) ?? []) {
    problems.push({ file: leftover.file, severity: 'warning', message: describeLeftover(leftover) });
  }
  return { problems, filesChecked };
}
