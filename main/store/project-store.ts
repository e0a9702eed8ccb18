/**
 * A project folder on disk: create, open, and read and write its files. Every read is
 * validated (format, version, schema); every write is atomic; a file that fails to
 * parse is reported and never overwritten.
 */
import { createHash } from 'node:crypto';
import { promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import { FactmarkError, isFactmarkError } from '../../shared/errors.js';
import { ANNOTATIONS_FORMAT, AnnotationLayer, type LayerStatus } from '../../shared/model/annotations.js';
import { DEFAULT_LABELS, DEFAULT_RELATION_TYPES } from '../../shared/model/default-labels.js';
import { DOCUMENT_FORMAT, SourceDocument, type DocumentMeta } from '../../shared/model/document.js';
import { CLAIMS_FORMAT, ClaimRegistry, EMPTY_CLAIMS, type CanonicalClaim } from '../../shared/model/claims.js';
import { ENTITIES_FORMAT, EntityRegistry, type CanonicalEntity } from '../../shared/model/entities.js';
import { parseFactmarkFile, stringifyFactmarkFile } from '../../shared/model/parse.js';
import { PROJECT_FORMAT, ProjectManifest } from '../../shared/model/project.js';
import type { FileFormat } from '../../shared/model/versions.js';
import { anchorSpans, type Moved } from '../../shared/text/anchoring.js';
import { codePointLength } from '../../shared/text/offsets.js';
import type { z } from 'zod';
import { acceptAnnotationLayer, type Acceptor } from './fast-accept.js';
import { withFileLock } from './file-lock.js';
import { decodeProjectFile, listJsonFiles, listSubfolders, makeFolder, pathExists, readProjectBytes, readTextFile, writeFileAtomically } from './files.js';
import { addGitignoreOnOpen, writeGitignoreIfMissing } from './gitignore.js';
import { sha256Text } from './hash.js';
import { ProjectLayout, checkedAnnotator } from './layout.js';
import { removeStaleTemporaryFiles, type LeftoverCleanup } from './leftovers.js';

export interface LoadedLayer {
  layer: AnnotationLayer;
  /**
   * The layer file's version: a hash of its bytes (null: no file yet). A save names the
   * version it was based on, and is refused when the file is no longer that version.
   */
  version: string | null;
  /** False when the annotator has no file for this document yet (an empty layer). */
  exists: boolean;
  /** Spans whose offsets no longer fitted the text and were moved to their quote. */
  moved: Moved[];
  /** Spans whose quote is no longer in the text: kept in `layer.spans`, unchanged. */
  unplaced: string[];
}

/** How many parsed files a store keeps: enough for the open documents and their layers. */
const CACHE_ENTRIES = 64;

interface CachedFile {
  /** The file's identity when parsed: an atomic replace (any editor, git) changes ino. */
  stamp: string;
  value: unknown;
  /** Its version (see LoadedLayer), once known. */
  version?: string;
}

/** The version of a file's bytes (see LoadedLayer.version): 96 bits of sha256 are plenty. */
export function versionOf(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 24);
}

/** What a layer write did: whether the bytes changed, and the file's version now. */
export interface LayerWrite {
  written: boolean;
  version: string | null;
  layer: AnnotationLayer;
}

/** A save based on a version of the layer file that is no longer the one on disk. */
export function layerConflict(name: string, expected: string | null, found: string | null): FactmarkError {
  const what = found === null ? 'it has been deleted' : expected === null ? 'another window or program created it' : 'another window or program saved it';
  return new FactmarkError('CONFLICT', `${name} has changed since it was read: ${what}. Read it again and merge before saving.`, { file: name });
}

export class ProjectStore {
  /** Parsed files by path, so that saving a long layer does not parse it again and again.
   *  The values are shared with callers, who never mutate them (the code is immutable-style). */
  private readonly parsed = new Map<string, CachedFile>();
  /**
   * What the document list shows of each file (a document's metadata and length, a
   * layer's status and span count), by file identity. Small, so kept for every file:
   * listing 10,000 documents again costs a stat per file, not a parse.
   */
  private readonly summaries = new Map<string, CachedFile>();

  private constructor(
    readonly layout: ProjectLayout,
    private currentManifest: ProjectManifest,
  ) {}

  get root(): string {
    return this.layout.root;
  }

  get manifest(): ProjectManifest {
    return this.currentManifest;
  }

  /** Creates a project in `dir`, which must be missing or empty. */
  static async create(dir: string, options: { name?: string; now?: Date } = {}): Promise<ProjectStore> {
    const root = path.resolve(dir);
    const existing = await fs.readdir(root).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw new FactmarkError('IO_ERROR', `Cannot use ${root}: ${error.message}`, { file: root });
    });
    if (existing.includes('factmark.json')) throw new FactmarkError('ALREADY_EXISTS', `${root} is already a Factmark project`, { file: root });
    if (existing.length > 0) throw new FactmarkError('ALREADY_EXISTS', `${root} is not empty; choose an empty or new folder for a project`, { file: root });
    const manifest = ProjectManifest.parse({
      format: PROJECT_FORMAT,
      version: 1,
      name: options.name ?? path.basename(root),
      createdAt: (options.now ?? new Date()).toISOString(),
      labels: DEFAULT_LABELS,
      relationTypes: DEFAULT_RELATION_TYPES,
    });
    const layout = new ProjectLayout(root);
    // Not fs.mkdir's `recursive`, which never returns under /proc (see makeFolder).
    await makeFolder(layout.documentsDir);
    await makeFolder(layout.annotationsDir);
    // Whether or not the folder is in git yet: people run `git init` later.
    await writeGitignoreIfMissing(root);
    await writeFileAtomically(layout.manifest, stringifyFactmarkFile(manifest));
    return new ProjectStore(layout, manifest);
  }

  static async open(dir: string): Promise<ProjectStore> {
    const layout = new ProjectLayout(path.resolve(dir));
    if (!(await pathExists(layout.manifest))) {
      throw new FactmarkError('NOT_A_PROJECT', `${layout.root} is not a Factmark project (it has no factmark.json)`, { file: layout.root });
    }
    const store = new ProjectStore(layout, {} as ProjectManifest);
    store.currentManifest = await store.readFile(layout.manifest, PROJECT_FORMAT, ProjectManifest);
    return store;
  }

  /**
   * Clears away what interrupted saves left (leftovers.ts: old temporary files; locks are
   * the lock code's) and adds a .gitignore to a project in git that lacks one. Separate
   * from `open`, which only reads: `validate` opens a project to report on it as it is.
   * Best effort: a project that cannot be tidied (read-only, say) still opens.
   */
  async tidy(now = Date.now()): Promise<LeftoverCleanup & { gitignoreAdded: boolean }> {
    let cleanup: LeftoverCleanup = { removed: [], kept: [] };
    let gitignoreAdded = false;
    try {
      cleanup = await removeStaleTemporaryFiles(this.layout, { now });
    } catch {
      // A folder that cannot be listed: the reads that follow report it properly.
    }
    try {
      gitignoreAdded = await addGitignoreOnOpen(this.root);
    } catch {
      // Cannot write here (read-only): it stays without, as it was.
    }
    return { ...cleanup, gitignoreAdded };
  }

  /** Reads, migrates and validates one file, with errors naming it relative to the project. */
  private async readFile<S extends z.ZodType>(file: string, format: FileFormat, schema: S, accept?: Acceptor): Promise<z.infer<S>> {
    const stamp = await fileStamp(file);
    const cached = this.parsed.get(file);
    if (stamp !== null && cached?.stamp === stamp) return cached.value as z.infer<S>;
    const value = await this.parseFile(file, format, schema, accept);
    if (stamp !== null) this.remember(file, stamp, value);
    return value;
  }

  private remember(file: string, stamp: string, value: unknown, version?: string): void {
    this.parsed.delete(file);
    this.parsed.set(file, { stamp, value, ...(version ? { version } : {}) });
    if (this.parsed.size > CACHE_ENTRIES) this.parsed.delete(this.parsed.keys().next().value as string);
  }

  private async parseFile<S extends z.ZodType>(file: string, format: FileFormat, schema: S, accept?: Acceptor): Promise<z.infer<S>> {
    const name = this.layout.relative(file);
    let text: string;
    try {
      text = await readTextFile(file);
    } catch (error) {
      if (isFactmarkError(error)) throw new FactmarkError(error.code, error.message.replace(file, name), { ...error.details, file: name });
      throw error;
    }
    return parseFactmarkFile(format, schema, text, name, accept);
  }

  /**
   * Before replacing a file, makes sure what is there now is a file we understand: a
   * colleague's hand-edited file with a syntax error, or one from a newer Factmark, is
   * reported and left byte-for-byte as it is.
   */
  private async guardOverwrite<S extends z.ZodType>(file: string, format: FileFormat, schema: S): Promise<void> {
    if (!(await pathExists(file))) return;
    try {
      await this.readFile(file, format, schema);
    } catch (error) {
      if (!isFactmarkError(error)) throw error;
      throw new FactmarkError(error.code, `${error.message} — not overwritten; fix or move the file first`, error.details);
    }
  }

  // --- documents -------------------------------------------------------------------

  async listDocumentIds(): Promise<string[]> {
    const names = await listJsonFiles(this.layout.documentsDir);
    return names.map((name) => name.slice(0, -'.json'.length));
  }

  async readDocument(id: string): Promise<SourceDocument> {
    const file = this.layout.document(id);
    const doc = await this.readFile(file, DOCUMENT_FORMAT, SourceDocument);
    const name = this.layout.relative(file);
    if (doc.id !== id) throw new FactmarkError('INVALID', `${name}: its id "${doc.id}" does not match the file name`, { file: name, path: '$.id' });
    if (sha256Text(doc.text) !== doc.sha256) {
      throw new FactmarkError('INVALID', `${name}: the text does not match its sha256 (was the text edited? documents are immutable)`, { file: name, path: '$.sha256' });
    }
    return doc;
  }

  /** Adds a document. Documents are immutable: an existing one is never replaced. */
  async addDocument(doc: SourceDocument): Promise<void> {
    const file = this.layout.document(doc.id);
    if (await pathExists(file)) throw new FactmarkError('ALREADY_EXISTS', `Document ${doc.id} already exists`, { file: this.layout.relative(file) });
    const checked = SourceDocument.parse(doc);
    if (sha256Text(checked.text) !== checked.sha256) throw new FactmarkError('BAD_INPUT', `Document ${doc.id}: sha256 does not match its text`);
    await writeFileAtomically(file, stringifyFactmarkFile(checked));
  }

  /** Replaces a document's metadata. The text and its hash are never touched. */
  /** A document's metadata and length in code points, for the document list. */
  async documentSummary(id: string): Promise<{ meta: DocumentMeta; length: number }> {
    return this.summaryOf(this.layout.document(id), async () => {
      const doc = await this.readDocument(id);
      return { meta: doc.meta, length: codePointLength(doc.text) };
    });
  }

  /** A layer's status and span count, for the document list. */
  async layerSummary(documentId: string, annotator: string): Promise<{ status: LayerStatus; spanCount: number }> {
    return this.summaryOf(this.layout.layer(annotator, documentId), async () => {
      const layer = await this.readLayerFile(documentId, annotator);
      return { status: layer.status, spanCount: layer.spans.length };
    });
  }

  /**
   * What a caller derives from a layer file (the claims board: its claim, entity and date
   * spans), kept until the file changes, so a board over thousands of layers reads only
   * the files that changed since it was last drawn. `kind` names the derivation.
   */
  async layerDigest<T>(documentId: string, annotator: string, kind: string, derive: (layer: AnnotationLayer) => T): Promise<T> {
    return this.summaryOf(this.layout.layer(annotator, documentId), async () => derive(await this.readLayerFile(documentId, annotator)), kind);
  }

  private async summaryOf<T>(file: string, read: () => Promise<T>, kind = 'summary'): Promise<T> {
    // The identity is taken before reading: a change made meanwhile is read next time.
    const stamp = await fileStamp(file);
    const key = `${kind}\u0000${file}`;
    const known = this.summaries.get(key);
    if (stamp !== null && known?.stamp === stamp) return known.value as T;
    const value = await read();
    if (stamp !== null) this.summaries.set(key, { stamp, value });
    return value;
  }

  async writeDocumentMeta(id: string, meta: SourceDocument['meta']): Promise<SourceDocument> {
    const current = await this.readDocument(id);
    const next = SourceDocument.parse({ ...current, meta: { ...meta, source: current.meta.source } });
    const file = this.layout.document(id);
    await writeFileAtomically(file, stringifyFactmarkFile(next));
    const stamp = await fileStamp(file);
    if (stamp !== null) this.remember(file, stamp, next);
    return next;
  }

  /**
   * Deletes a document file. Refused while any annotator has a layer on it: annotations
   * are analysts' work and are never deleted as a side effect.
   */
  async removeDocument(id: string): Promise<void> {
    const file = this.layout.document(id);
    if (!(await pathExists(file))) throw new FactmarkError('NOT_FOUND', `No document ${id} in this project`);
    const annotated = [];
    for (const annotator of await this.listAnnotators()) if ((await this.listLayerIds(annotator)).includes(id)) annotated.push(annotator);
    if (annotated.length) {
      const title = (await this.documentSummary(id).catch(() => null))?.meta.title;
      throw new FactmarkError('BAD_INPUT', `${title ? `“${title}”` : `Document ${id}`} has annotations by ${annotated.join(', ')}; it is kept`);
    }
    await fs.rm(file);
    this.parsed.delete(file);
  }

  // --- annotation layers -----------------------------------------------------------

  async listAnnotators(): Promise<string[]> {
    return (await listSubfolders(this.layout.annotationsDir)).filter((name) => {
      try {
        checkedAnnotator(name);
        return true;
      } catch {
        return false; // a stray folder (".git", "Backup copy") is not an annotator
      }
    });
  }

  /**
   * Cheap fingerprints of the project on disk (a few stats, no reads), to notice files
   * that arrive from elsewhere. `project` covers the schema, the entities, the documents
   * and the set of annotators (a folder's stamp changes when a file in it is added or
   * replaced); not the annotators' own folders, which every save touches. `layers` are
   * the versions of one document's layer files.
   */
  async stamps(documentId?: string): Promise<{ project: string; claims: string; layers: Record<string, string | null> }> {
    const annotators = await this.listAnnotators();
    const folders = [this.layout.manifest, this.layout.entities, this.layout.documentsDir, this.layout.annotationsDir];
    const project = (await Promise.all(folders.map(fileStamp))).map((stamp) => stamp ?? '-').join('|');
    const claims = (await fileStamp(this.layout.claims)) ?? '-';
    const layers: Record<string, string | null> = {};
    if (documentId) for (const name of annotators) layers[name] = await this.layerVersion(documentId, name);
    return { project, claims, layers };
  }

  /**
   * The version of one layer file (null: none). Asked every few seconds for the open
   * document, so the hash is kept with the file's identity and the bytes are read again
   * only when that changes.
   */
  async layerVersion(documentId: string, annotator: string): Promise<string | null> {
    const file = this.layout.layer(annotator, documentId);
    const stamp = await fileStamp(file);
    if (stamp === null) return null;
    const cached = this.parsed.get(file);
    if (cached?.stamp === stamp && cached.version) return cached.version;
    const bytes = readProjectBytes(file);
    return bytes ? versionOf(bytes) : null;
  }

  /** Document ids that `annotator` has a layer file for. */
  async listLayerIds(annotator: string): Promise<string[]> {
    const names = await listJsonFiles(this.layout.annotatorDir(annotator));
    return names.map((name) => name.slice(0, -'.json'.length));
  }

  /**
   * One annotator's layer on a document, checked against the document's text. Spans
   * whose offsets no longer slice the text to their quote (the file was made against
   * another version of the text, or edited by hand) are moved to where their quote is;
   * the ones that cannot be placed are kept and reported.
   */
  async readLayer(documentId: string, annotator: string, doc?: SourceDocument): Promise<LoadedLayer> {
    const document = doc ?? (await this.readDocument(documentId));
    const file = this.layout.layer(annotator, documentId);
    // The bytes are read once, and the version is theirs: never the version of one file
    // with the spans of another that replaced it meanwhile.
    const bytes = readProjectBytes(file);
    if (!bytes) return { layer: this.emptyLayer(document, annotator), version: null, exists: false, moved: [], unplaced: [] };
    const version = versionOf(bytes);
    const layer = await this.parseLayer(file, documentId, annotator, bytes, version);
    const anchored = anchorSpans(document.text, layer.spans);
    return {
      layer: { ...layer, documentSha256: document.sha256, spans: anchored.spans },
      version,
      exists: true,
      moved: anchored.moved,
      unplaced: anchored.unplaced,
    };
  }

  /** A layer file's bytes, parsed and checked, or the parse kept for that very version. */
  private async parseLayer(file: string, documentId: string, annotator: string, bytes: Uint8Array, version: string): Promise<AnnotationLayer> {
    const cached = this.parsed.get(file);
    if (cached?.version === version) return cached.value as AnnotationLayer;
    const name = this.layout.relative(file);
    const layer = parseFactmarkFile(ANNOTATIONS_FORMAT, AnnotationLayer, decodeProjectFile(bytes, name), name, acceptAnnotationLayer);
    this.checkLayerOwner(layer, documentId, annotator, name);
    const stamp = await fileStamp(file);
    if (stamp !== null) this.remember(file, stamp, layer, version);
    return layer;
  }

  private checkLayerOwner(layer: AnnotationLayer, documentId: string, annotator: string, name: string): void {
    if (layer.document !== documentId) throw new FactmarkError('INVALID', `${name}: "document" is "${layer.document}", not ${documentId}`, { file: name, path: '$.document' });
    if (layer.annotator !== annotator) throw new FactmarkError('INVALID', `${name}: "annotator" is "${layer.annotator}", not ${annotator}`, { file: name, path: '$.annotator' });
  }

  /** The layer file as it is on disk, validated but not re-anchored. */
  async readLayerFile(documentId: string, annotator: string): Promise<AnnotationLayer> {
    const file = this.layout.layer(annotator, documentId);
    // Layers are what an export or a project check reads by the thousand.
    const layer = await this.readFile(file, ANNOTATIONS_FORMAT, AnnotationLayer, acceptAnnotationLayer);
    this.checkLayerOwner(layer, documentId, annotator, this.layout.relative(file));
    return layer;
  }

  emptyLayer(doc: SourceDocument, annotator: string, now = new Date()): AnnotationLayer {
    return {
      format: ANNOTATIONS_FORMAT,
      version: 1,
      document: doc.id,
      documentSha256: doc.sha256,
      annotator: checkedAnnotator(annotator),
      status: 'not-started',
      updatedAt: now.toISOString(),
      spans: [],
      relations: [],
    };
  }

  /**
   * Writes a layer if the file on disk is still the version `expected` (null: there is
   * no file yet); otherwise refuses with CONFLICT and writes nothing. The check and the
   * write hold the file's lock, so this holds across processes (see file-lock.ts).
   */
  async writeLayer(layer: AnnotationLayer, expected: string | null): Promise<LayerWrite> {
    return this.updateLayer(layer.document, layer.annotator, (current) => {
      if (current.version !== expected) throw layerConflict(this.layout.relative(this.layout.layer(layer.annotator, layer.document)), expected, current.version);
      return layer;
    });
  }

  /**
   * Read, change, write, with nobody else writing the layer in between: `change` gets the
   * layer as it is on disk now (re-anchored against `doc`) and returns the layer to write,
   * or null to leave it as it is. Every writer of layers comes through here.
   */
  async updateLayer(documentId: string, annotator: string, change: (current: LoadedLayer) => AnnotationLayer | null | Promise<AnnotationLayer | null>, doc?: SourceDocument): Promise<LayerWrite> {
    const document = doc ?? (await this.readDocument(documentId));
    const file = this.layout.layer(annotator, documentId);
    await makeFolder(path.dirname(file));
    return withFileLock(file, async () => {
      const current = await this.readLayer(documentId, annotator, document).catch((error: unknown) => {
        // A colleague's hand-edited file with a syntax error, or one from a newer
        // Factmark, is reported and left byte-for-byte as it is.
        if (!isFactmarkError(error)) throw error;
        throw new FactmarkError(error.code, `${error.message} — not overwritten; fix or move the file first`, error.details);
      });
      const next = await change(current);
      if (!next) return { written: false, version: current.version, layer: current.layer };
      const checked = AnnotationLayer.parse(next);
      if (checked.document !== documentId || checked.annotator !== annotator) throw new FactmarkError('BAD_INPUT', `A layer of ${checked.annotator} on ${checked.document} cannot be written as ${annotator}'s on ${documentId}`);
      const content = stringifyFactmarkFile(checked);
      const written = await writeFileAtomically(file, content);
      const version = versionOf(content);
      const stamp = await fileStamp(file);
      if (stamp !== null) this.remember(file, stamp, checked, version);
      return { written, version, layer: checked };
    });
  }

  // --- entities --------------------------------------------------------------------

  async readEntities(): Promise<EntityRegistry> {
    if (!(await pathExists(this.layout.entities))) return { format: ENTITIES_FORMAT, version: 1, entities: [] };
    return this.readFile(this.layout.entities, ENTITIES_FORMAT, EntityRegistry);
  }

  /** Adds the entities the registry lacks (by id); existing ones are kept as they are. */
  async addEntities(entities: readonly CanonicalEntity[]): Promise<number> {
    let added = 0;
    await this.updateEntities((current) => {
      const known = new Set(current.map((entity) => entity.id));
      const fresh = entities.filter((entity) => !known.has(entity.id));
      added = fresh.length;
      return fresh.length ? [...current, ...fresh] : null;
    });
    return added;
  }

  /**
   * Read, change, write entities.json, with nobody else writing it in between (the
   * registry is shared by every annotator, and any window may add to it): `change` gets
   * the entities as they are on disk now and returns the new list, or null for no change.
   */
  async updateEntities(change: (current: readonly CanonicalEntity[]) => CanonicalEntity[] | null): Promise<EntityRegistry> {
    const file = this.layout.entities;
    return withFileLock(file, async () => {
      if (await pathExists(file)) await this.guardOverwrite(file, ENTITIES_FORMAT, EntityRegistry);
      const registry = await this.readEntities();
      const entities = change(registry.entities);
      if (!entities) return registry;
      const next = EntityRegistry.parse({ ...registry, entities });
      await writeFileAtomically(file, stringifyFactmarkFile(next));
      return next;
    });
  }

  // --- claims ------------------------------------------------------------------------

  async readClaims(): Promise<ClaimRegistry> {
    if (!(await pathExists(this.layout.claims))) return EMPTY_CLAIMS;
    return this.readFile(this.layout.claims, CLAIMS_FORMAT, ClaimRegistry);
  }

  /** Adds the claims the registry lacks (by id), as an imported corpus brings them; existing ones are kept as they are. */
  async addClaims(claims: readonly CanonicalClaim[]): Promise<number> {
    let added = 0;
    await this.updateClaims((current) => {
      const known = new Set(current.claims.map((claim) => claim.id));
      const fresh = claims.filter((claim) => !known.has(claim.id));
      added = fresh.length;
      return fresh.length ? { ...current, claims: [...current.claims, ...fresh] } : null;
    });
    return added;
  }

  /**
   * Read, change, write claims.json, with nobody else writing it in between (every
   * annotator and window shares it): `change` gets the registry as it is on disk now and
   * returns the next one, or null for no change. Changes are made as steps on what is on
   * disk (move this claim, add that evidence), never as a whole registry sent from a
   * window, so two people's changes to different claims or fields both stay.
   */
  async updateClaims(change: (current: ClaimRegistry) => ClaimRegistry | null): Promise<ClaimRegistry> {
    const file = this.layout.claims;
    return withFileLock(file, async () => {
      if (await pathExists(file)) await this.guardOverwrite(file, CLAIMS_FORMAT, ClaimRegistry);
      const registry = await this.readClaims();
      const next = change(registry);
      if (!next) return registry;
      const checked = ClaimRegistry.parse(next);
      await writeFileAtomically(file, stringifyFactmarkFile(checked));
      return checked;
    });
  }

  // --- manifest ----------------------------------------------------------------------

  async writeManifest(manifest: ProjectManifest): Promise<void> {
    const checked = ProjectManifest.parse(manifest);
    await this.guardOverwrite(this.layout.manifest, PROJECT_FORMAT, ProjectManifest);
    await writeFileAtomically(this.layout.manifest, stringifyFactmarkFile(checked));
    this.currentManifest = checked;
  }
}

/**
 * Identity of a file's current content for the cache, or null when it cannot be read.
 * Synchronous, like every read (see files.ts).
 */
async function fileStamp(file: string): Promise<string | null> {
  try {
    const stat = statSync(file, { bigint: true });
    return `${stat.ino}:${stat.size}:${stat.mtimeNs}`;
  } catch {
    return null;
  }
}
