/**
 * Adding articles to a project: one document per article, identical texts caught by
 * their hash, near-duplicates (the same story from another outlet) flagged for the
 * analyst to judge. Metadata given by the user wins over what the file says; what was
 * read off the text itself is recorded as a guess, a PDF's pages as where they begin,
 * and an e-mail's PDF and Word attachments become documents of their own.
 */
import type { ImportMeta, ImportOutcome, NearDuplicate } from '../../shared/api.js';
import { FactmarkError, toErrorInfo } from '../../shared/errors.js';
import { DOCUMENT_FORMAT, documentIdFor, type SourceDocument } from '../../shared/model/document.js';
import { removeLines, type FurnitureLine } from '../../shared/text/furniture.js';
import { pageStarts } from '../../shared/text/pages.js';
import { NEAR_DUPLICATE, containment, shingles } from '../../shared/text/similarity.js';
import { sha256Text } from '../store/hash.js';
import type { ProjectStore } from '../store/project-store.js';
import { furnitureOf, readAnyArticle, type ArticleFile } from './article-file.js';

/** What one file brings besides its bytes: metadata of its own (a metadata sheet's row), the e-mail it came attached to. */
export interface FileExtras {
  meta?: ImportMeta;
  attachedTo?: string;
}

export class Importer {
  /** Shingles of the project's documents, computed once per import batch. */
  private known: Map<string, { title: string | null; shingles: Set<number> }> | null = null;

  constructor(
    private readonly store: ProjectStore,
    private readonly meta: ImportMeta,
    private readonly importedBy: string | null,
    private readonly now: () => Date,
  ) {}

  /**
   * Reads and adds one article; never throws: failures are outcomes. `remove` names the
   * lines to drop ('furniture' for all found), each of them recorded in the document.
   */
  async add(file: string, read: () => Promise<ArticleFile>, remove: readonly number[] | 'furniture' = [], extras: FileExtras = {}): Promise<ImportOutcome> {
    return (await this.addWithAttachments(file, read, remove, extras))[0] as ImportOutcome;
  }

  /**
   * The same, and then what the article brought along (an e-mail's PDF and Word
   * attachments, named `mail.eml/report.pdf`), each as an outcome of its own after it.
   */
  async addWithAttachments(file: string, read: () => Promise<ArticleFile>, remove: readonly number[] | 'furniture' = [], extras: FileExtras = {}): Promise<ImportOutcome[]> {
    let attached: NonNullable<ArticleFile['attached']> = [];
    let fileName = file;
    const outcome = await this.addOne(
      file,
      async () => {
        const article = await read();
        attached = article.attached ?? [];
        fileName = article.fileName;
        return article;
      },
      remove,
      extras,
    );
    const outcomes = [outcome];
    for (const attachment of attached) {
      const shownAs = `${file}/${attachment.name}`;
      outcomes.push(...(await this.addWithAttachments(shownAs, () => readAnyArticle(attachment.bytes, attachment.name, shownAs), remove === 'furniture' ? 'furniture' : [], { attachedTo: fileName })));
    }
    return outcomes;
  }

  private async addOne(file: string, read: () => Promise<ArticleFile>, remove: readonly number[] | 'furniture', extras: FileExtras): Promise<ImportOutcome> {
    try {
      const original = await read();
      const furniture = furnitureOf(original);
      const lines = original.text.split(/\r\n|\n|\r/);
      const removedLines: FurnitureLine[] =
        remove === 'furniture'
          ? furniture
          : remove.map((line) => {
              if (line >= lines.length) throw new FactmarkError('BAD_INPUT', `${original.fileName} has no line ${line + 1} to remove`, { file });
              return furniture.find((candidate) => candidate.line === line) ?? { line, text: lines[line] ?? '', reason: 'chosen by the analyst' };
            });
      const article = removedLines.length ? { ...original, text: removeLines(original.text, removedLines.map((line) => line.line)) } : original;
      if (article.text.trim() === '') throw new FactmarkError('BAD_INPUT', `${article.fileName}: nothing would be left after removing those lines`, { file });
      const sha256 = sha256Text(article.text);
      const documentId = documentIdFor(sha256);
      const known = await this.knownDocuments();
      const same = known.get(documentId);
      if (same) return { file, status: 'duplicate', documentId, message: `${article.fileName}: the same text is already in the project${same.title ? `, as “${same.title}”` : ` (document ${documentId})`}` };
      const own = shingles(article.text);
      const nearDuplicates: NearDuplicate[] = [];
      for (const [id, other] of known) {
        const similarity = containment(own, other.shingles);
        if (similarity >= NEAR_DUPLICATE) nearDuplicates.push({ documentId: id, title: other.title, similarity: Math.round(similarity * 100) / 100 });
      }
      const given = { ...this.meta, ...extras.meta };
      const found: ImportMeta = { ...article.found, ...given };
      // What was read off the text is a guess until the analyst confirms it; what the user gave is not.
      const guessed = (original.guessed ?? []).filter((key) => given[key] === undefined && found[key] !== undefined);
      const removed = removedLines.map((line) => line.line);
      const doc: SourceDocument = {
        format: DOCUMENT_FORMAT,
        version: 1,
        id: documentId,
        sha256,
        meta: {
          title: found.title ?? null,
          outlet: found.outlet ?? null,
          author: found.author ?? null,
          url: found.url ?? null,
          published: found.published ?? null,
          language: found.language ?? null,
          ...(guessed.length ? { guessed } : {}),
          source: {
            file: article.fileName,
            importedAt: this.now().toISOString(),
            importedBy: this.importedBy,
            ...(removedLines.length ? { removedLines: removedLines.map(({ line, text }) => ({ line, text })) } : {}),
            ...(original.pages ? { pages: pageStarts(article.text, original.pages, removed) } : {}),
            ...(original.retrieved ? { retrievedFrom: original.retrieved.from, retrievedAt: original.retrieved.at } : {}),
            ...(original.attachments?.length ? { attachments: original.attachments } : {}),
            ...(extras.attachedTo ? { attachedTo: extras.attachedTo } : {}),
          },
        },
        text: article.text,
      };
      await this.store.addDocument(doc);
      known.set(documentId, { title: doc.meta.title, shingles: own });
      return { file, status: 'imported', documentId, title: doc.meta.title, encoding: article.encoding, nearDuplicates: nearDuplicates.sort((a, b) => b.similarity - a.similarity), removedLines, keptFurniture: furniture.filter((line) => !removedLines.some((removed) => removed.line === line.line)) };
    } catch (error) {
      return { file, status: 'failed', error: toErrorInfo(error) };
    }
  }

  private async knownDocuments() {
    if (!this.known) {
      this.known = new Map();
      for (const id of await this.store.listDocumentIds()) {
        // An unreadable document is `factmark validate`'s to report; its id still counts.
        const doc = await this.store.readDocument(id).catch(() => null);
        this.known.set(id, { title: doc?.meta.title ?? null, shingles: doc ? shingles(doc.text) : new Set() });
      }
    }
    return this.known;
  }
}
