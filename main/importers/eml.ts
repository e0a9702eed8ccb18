/**
 * E-mails (.eml, RFC 5322 with MIME): parsed with postal-mime. The document is the
 * message as received: its From, To, Cc, Date and Subject lines, then the text body (or,
 * for a message in HTML only, the HTML's text), so a span can quote who wrote what and
 * when. The subject is the title, the sender the author and the Date the publication
 * date, all stated by the message. Every attachment is listed; PDF and Word ones are
 * handed back to be imported as documents of their own.
 */
import PostalMime, { type Address, type Attachment } from 'postal-mime';
import type { ImportMeta } from '../../shared/api.js';
import { FactmarkError } from '../../shared/errors.js';
import type { ArticleFile } from './article-file.js';
import { fragmentText, normalizeDate } from './html.js';

/** Attachments that are articles in their own right, by name or by type. */
const ARTICLE_ATTACHMENTS: { extension: string; types: readonly string[] }[] = [
  { extension: '.pdf', types: ['application/pdf'] },
  { extension: '.docx', types: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'] },
];

export async function readEmail(bytes: Uint8Array, fileName: string, shownAs: string): Promise<ArticleFile> {
  if (!looksLikeMessage(bytes)) throw new FactmarkError('PARSE_ERROR', `${shownAs} is not an e-mail message (.eml): it does not begin with mail headers such as From: or Subject:`, { file: shownAs });
  let email: Awaited<ReturnType<typeof PostalMime.parse>>;
  try {
    email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
  } catch (error) {
    throw new FactmarkError('PARSE_ERROR', `${shownAs} is damaged: the message cannot be read (${error instanceof Error ? error.message : String(error)})`, { file: shownAs });
  }
  const from = addresses(email.from ? [email.from] : []);
  const date = stated(email.headers.find((header) => header.key === 'date')?.value) ?? normalizeDate(email.date);
  const subject = email.subject?.replace(/\s+/g, ' ').trim() || null;
  const body = (email.text?.trim() ? email.text : email.html ? fragmentText(email.html) : '').replace(/\r\n?/g, '\n').replace(/\s+$/, '');
  const attachments = email.attachments.filter((attachment) => attachment.disposition !== 'inline' || attachment.filename);
  const headerLines = [
    ['From', from],
    ['To', addresses(email.to ?? [])],
    ['Cc', addresses(email.cc ?? [])],
    ['Date', email.headers.find((header) => header.key === 'date')?.value.trim() ?? ''],
    ['Subject', subject ?? ''],
  ].flatMap(([name, value]) => (value ? [`${name}: ${value}`] : []));
  if (headerLines.length === 0 && body === '') throw new FactmarkError('BAD_INPUT', `${shownAs} is an empty message`, { file: shownAs });
  const text = `${headerLines.join('\n')}\n\n${body || '(no text)'}\n`;
  const named = attachments.map((attachment, i) => ({ attachment, name: attachmentName(attachment, i) }));
  const found: ImportMeta = {};
  if (subject) found.title = subject;
  const author = email.from && 'address' in email.from && email.from.address !== undefined ? email.from.name || email.from.address : null;
  if (author) found.author = author;
  if (date) found.published = date;
  return {
    text,
    found,
    fileName,
    encoding: 'utf-8',
    attachments: named.map(({ attachment, name }) => ({ name, type: attachment.mimeType, bytes: sizeOf(attachment) })),
    attached: named.flatMap(({ attachment, name }) => {
      const kind = articleKind(attachment, name);
      // Read by its name's extension: "scan" sent as application/pdf is read as scan.pdf.
      return kind ? [{ name: name.toLowerCase().endsWith(kind.extension) ? name : `${name}${kind.extension}`, bytes: bytesOf(attachment) }] : [];
    }),
  };
}

/** Mail begins with header fields ("Name: value"); a PDF or a picture renamed .eml does not. */
function looksLikeMessage(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return /^(?:[\x21-\x39\x3b-\x7e]+:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*\r?\n)+/.test(head) && /^(from|subject|date|to|message-id|received|return-path|mime-version):/im.test(head);
}

/** "Dana Reed <dana@example.org>, Sam <sam@example.org>" */
function addresses(list: readonly Address[]): string {
  return list
    .flatMap((address) => (address.group ? address.group : [address]))
    .map((mailbox) => (mailbox.name && mailbox.address ? `${mailbox.name} <${mailbox.address}>` : (mailbox.address ?? mailbox.name)))
    .filter(Boolean)
    .join(', ');
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The Date header as the sender's clock had it ("Mon, 30 Mar 2020 10:42:00 +0300" is
 * 2020-03-30T10:42:00+03:00), so the day is the sender's, not UTC's.
 */
function stated(header: string | undefined): string | null {
  const match = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|UT|UTC|GMT|Z)?/.exec(header ?? '');
  if (!match) return null;
  const month = MONTHS.indexOf((match[2] ?? '').toLowerCase()) + 1;
  if (month === 0) return null;
  const pad = (value: string | number | undefined) => String(value ?? 0).padStart(2, '0');
  const zone = !match[7] || /^(UT|UTC|GMT|Z)$/.test(match[7]) ? 'Z' : `${match[7].slice(0, 3)}:${match[7].slice(3)}`;
  return normalizeDate(`${match[3]}-${pad(month)}-${pad(match[1])}T${pad(match[4])}:${match[5]}:${pad(match[6])}${zone}`);
}

function attachmentName(attachment: Attachment, index: number): string {
  // Only the last part of a name: an attachment's name is no path to follow.
  const name = (attachment.filename ?? '').split(/[\\/]/).pop()?.replace(/\p{Cc}/gu, '').trim();
  if (name) return name.slice(0, 255);
  const extension = ARTICLE_ATTACHMENTS.find((kind) => kind.types.includes(attachment.mimeType))?.extension ?? '';
  return `attachment-${index + 1}${extension}`;
}

function articleKind(attachment: Attachment, name: string): (typeof ARTICLE_ATTACHMENTS)[number] | null {
  return ARTICLE_ATTACHMENTS.find((kind) => name.toLowerCase().endsWith(kind.extension) || kind.types.includes(attachment.mimeType.toLowerCase())) ?? null;
}

function bytesOf(attachment: Attachment): Uint8Array {
  const { content } = attachment;
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

function sizeOf(attachment: Attachment): number {
  const { content } = attachment;
  return typeof content === 'string' ? new TextEncoder().encode(content).length : content.byteLength;
}
