/**
 * How files the window holds are sent to the service: in batches, so a long list shows
 * progress and no request grows past what browser mode takes (MAX_BODY_BYTES in
 * main/web.ts, about 86 MB). A file larger than any article is refused here, unsent.
 */
import type { ImportOutcome } from '../../../shared/api.js';
import { MAX_EMAIL_BYTES, MAX_PDF_BYTES, MAX_TEXT_ARTICLE_BYTES, MAX_WORD_BYTES, tooLargeMessage } from '../../../shared/limits.js';

/** A file read in the window, ready to send: its bytes as base64. */
export interface FilePayload {
  name: string;
  data: string;
}

const BATCH_FILES = 20;
/** Base64 characters in one batch (18 MB of files); a larger file goes alone. */
const BATCH_CHARACTERS = 24 * 1024 * 1024;

/** Consecutive runs of files to send together: at most 20 files and BATCH_CHARACTERS. */
export function batches(files: readonly FilePayload[]): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  let start = 0;
  let characters = 0;
  files.forEach((file, i) => {
    if (i > start && (i - start >= BATCH_FILES || characters + file.data.length > BATCH_CHARACTERS)) {
      runs.push({ start, end: i });
      start = i;
      characters = 0;
    }
    characters += file.data.length;
  });
  if (start < files.length) runs.push({ start, end: files.length });
  return runs;
}

/** The outcome for a file larger than any article Factmark imports; null for the rest. */
export function tooLargeToSend(file: FilePayload): Extract<ImportOutcome, { status: 'failed' }> | null {
  const bytes = Math.floor((file.data.length * 3) / 4);
  const limit = sendLimit(file.name);
  if (bytes <= limit.bytes) return null;
  return { file: file.name, status: 'failed', error: { code: 'UNSUPPORTED_FILE', file: file.name, message: tooLargeMessage(file.name, bytes, true, limit.bytes, limit.takes) } };
}

/** The service's limit for a file of this kind (web pages have a smaller one, which the service names). */
function sendLimit(name: string): { bytes: number; takes: string } {
  const extension = /\.[^.]*$/.exec(name.toLowerCase())?.[0];
  if (extension === '.pdf') return { bytes: MAX_PDF_BYTES, takes: 'imports PDF files' };
  if (extension === '.docx') return { bytes: MAX_WORD_BYTES, takes: 'imports Word documents' };
  if (extension === '.eml') return { bytes: MAX_EMAIL_BYTES, takes: 'imports e-mails' };
  return { bytes: MAX_TEXT_ARTICLE_BYTES, takes: 'imports articles' };
}
