/**
 * Where each file of a project lives (ARCHITECTURE.md, "The corpus on disk"). Ids and
 * annotator names are checked by their schemas before they reach a path, so no name
 * can climb out of the project folder.
 */
import path from 'node:path';
import { FactmarkError } from '../../shared/errors.js';
import { AnnotatorName, DocumentId } from '../../shared/model/common.js';

export const MANIFEST_FILE = 'factmark.json';
export const ENTITIES_FILE = 'entities.json';
export const CLAIMS_FILE = 'claims.json';
export const DOCUMENTS_DIR = 'documents';
export const ANNOTATIONS_DIR = 'annotations';

export function checkedDocumentId(id: string): string {
  const result = DocumentId.safeParse(id);
  if (!result.success) throw new FactmarkError('BAD_INPUT', `"${id}" is not a document id: ${result.error.issues[0]?.message ?? ''}`);
  return result.data;
}

export function checkedAnnotator(name: string): string {
  const result = AnnotatorName.safeParse(name);
  if (!result.success) throw new FactmarkError('BAD_INPUT', `"${name}" is not an annotator name: ${result.error.issues[0]?.message ?? ''}`);
  return result.data;
}

export class ProjectLayout {
  constructor(readonly root: string) {}

  get manifest(): string {
    return path.join(this.root, MANIFEST_FILE);
  }
  get entities(): string {
    return path.join(this.root, ENTITIES_FILE);
  }
  get claims(): string {
    return path.join(this.root, CLAIMS_FILE);
  }
  get documentsDir(): string {
    return path.join(this.root, DOCUMENTS_DIR);
  }
  get annotationsDir(): string {
    return path.join(this.root, ANNOTATIONS_DIR);
  }
  document(id: string): string {
    return path.join(this.documentsDir, `${checkedDocumentId(id)}.json`);
  }
  annotatorDir(annotator: string): string {
    return path.join(this.annotationsDir, checkedAnnotator(annotator));
  }
  layer(annotator: string, documentId: string): string {
    return path.join(this.annotatorDir(annotator), `${checkedDocumentId(documentId)}.json`);
  }
  /** The path as the user sees it in messages: relative to the project folder. */
  relative(file: string): string {
    return path.relative(this.root, file) || file;
  }
}
