/**
 * What an export is called: after the project and the format ("k1-hand-over.conll",
 * "k1-hand-over.w3c.jsonl"), and the document when it is one ("k1-hand-over.barker-
 * statement.brat.zip"). The format's id is left out where the extension already says it.
 */
export function exportFileName(project: string, format: { id: string; extension: string }, documentTitle?: string | null): string {
  const parts = [slug(project) || 'factmark'];
  if (documentTitle) parts.push(slug(documentTitle).slice(0, 40).replace(/-+$/, '') || 'document');
  const saysItself = format.id.startsWith('factmark') || format.extension === `.${format.id}`;
  if (!saysItself) parts.push(format.id.replace(/-jsonl?$/, ''));
  return `${parts.join('.')}${format.extension}`;
}

/** Lower-case words joined by hyphens, any script kept; nothing a file system minds. */
function slug(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
