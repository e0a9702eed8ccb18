/** documents/<id>.json: one source article, immutable after import. */
import { z } from 'zod';
import { AnnotatorName, DocumentId, Sha256, Timestamp, formatTag } from './common.js';

export const DOCUMENT_FORMAT = 'factmark-document';

/** A calendar date (2020-03-30) or a date-time with zone, as the article gives it. */
export const PublishedDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const DocumentMeta = z.looseObject({
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  author: z.string().nullable(),
  url: z.url().nullable(),
  published: PublishedDate.nullable().describe('Relative dates in the text resolve against this'),
  language: z.string().nullable().describe('BCP 47 tag, e.g. en, ar'),
  notes: z.string().nullable().optional().describe('The analyst\'s notes on the document'),
  guessed: z
    .array(z.enum(['title', 'outlet', 'author', 'url', 'published', 'language']))
    .optional()
    .describe('Fields Factmark read off the text itself (a byline, a date line): guesses, until the analyst saves Details, which drops this list'),
  source: z
    .looseObject({
      file: z.string().nullable().describe('Name of the imported file'),
      record: z
        .string()
        .min(1)
        .optional()
        .describe('Which record of the file held the text, when it held several (a doccano, Label Studio, spaCy or CoNLL file): its id, or its number from 1'),
      importedAt: Timestamp,
      importedBy: AnnotatorName.nullable(),
      removedLines: z
        .array(z.looseObject({ line: z.int().nonnegative(), text: z.string() }))
        .optional()
        .describe('Page furniture the analyst chose to remove at import: line numbers in the file as read'),
      pages: z
        .array(z.looseObject({ page: z.int().positive(), start: z.int().nonnegative(), label: z.string().optional() }))
        .optional()
        .describe('Where each page of a PDF begins in `text` (code points), in page order; `label` is the page number printed on it when the PDF names one (iv, A-3)'),
      retrievedFrom: z.url().optional().describe('The web address the article was fetched from (before any redirect)'),
      retrievedAt: Timestamp.optional().describe('When it was fetched'),
      attachments: z
        .array(z.looseObject({ name: z.string(), type: z.string(), bytes: z.int().nonnegative() }))
        .optional()
        .describe("An e-mail's attachments; PDF and Word ones are imported as documents of their own"),
      attachedTo: z.string().optional().describe('The e-mail this document was attached to (its file name)'),
    })
    .nullable(),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

export const SourceDocument = z.looseObject({
  format: formatTag(DOCUMENT_FORMAT),
  version: z.literal(1),
  id: DocumentId,
  sha256: Sha256.describe('SHA-256 of the UTF-8 bytes of `text`'),
  meta: DocumentMeta,
  text: z.string().min(1).describe('Exactly as imported; span offsets are code points into it'),
});
export type SourceDocument = z.infer<typeof SourceDocument>;

/**
 * A document's id is derived from its text, so the same article imported twice (or by
 * two colleagues) gets the same id and the same file name.
 */
export function documentIdFor(sha256: string, length = 12): string {
  return `d_${sha256.slice(0, length)}`;
}
