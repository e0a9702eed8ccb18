/**
 * An article from a web address: the page fetched here, in the service (never in the
 * window), its article extracted with Readability as for a saved page (a PDF or a text
 * file at the address is read as one), with the address and the time it was fetched
 * kept in the document. What goes wrong is said in words: no connection, a site that
 * cannot be found, 404, a page that is not an article, a picture.
 *
 * Any host the user types is fetched, loopback and private addresses included. That is
 * acceptable here, unlike in a server fetching for strangers (the "server-side request
 * forgery" worry): Factmark is a desktop app acting for its one user, who could open the
 * same address in their browser, and browser mode serves only that user (127.0.0.1, a
 * per-run token). What is kept as it would be anywhere: only http and https are fetched,
 * redirects are followed only to http and https (never file:, data: or the like) and
 * at most MAX_REDIRECTS of them, the whole fetch has a time limit, and the body is read
 * no further than the limit for what it is.
 */
import path from 'node:path';
import { FactmarkError } from '../../shared/errors.js';
import { FETCH_TIMEOUT_MS, MAX_PDF_BYTES, MAX_REDIRECTS, MAX_TEXT_ARTICLE_BYTES, MAX_WEB_PAGE_BYTES, MAX_WORD_BYTES, tooLargeMessage } from '../../shared/limits.js';
import { readAnyArticle, readArticle, readPage, type ArticleFile } from './article-file.js';

export interface FetchOptions {
  /** The clock, for `retrievedAt`. */
  now?: () => Date;
  /** A shorter limit for tests. */
  timeoutMs?: number;
  /** Node's fetch, unless a test gives another. */
  fetch?: typeof fetch;
}

/** What the body at an address is read as, by its Content-Type. */
const KINDS: { types: RegExp; extension: string; limit: number; takes: string }[] = [
  { types: /^(text\/html|application\/xhtml\+xml)$/, extension: '.html', limit: MAX_WEB_PAGE_BYTES, takes: 'imports web pages' },
  { types: /^application\/pdf$/, extension: '.pdf', limit: MAX_PDF_BYTES, takes: 'imports PDF files' },
  { types: /^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document$/, extension: '.docx', limit: MAX_WORD_BYTES, takes: 'imports Word documents' },
  { types: /^text\/(plain|markdown)$/, extension: '.txt', limit: MAX_TEXT_ARTICLE_BYTES, takes: 'imports text articles' },
];

declare const __FACTMARK_VERSION__: string | undefined;
const USER_AGENT = `Factmark/${typeof __FACTMARK_VERSION__ === 'string' ? __FACTMARK_VERSION__ : 'dev'} (article import for fact-checking)`;

export async function readWebAddress(address: string, options: FetchOptions = {}): Promise<ArticleFile> {
  const asked = webAddress(address);
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  const retrievedAt = (options.now ?? (() => new Date()))().toISOString();
  try {
    const { response, url } = await follow(asked, signal, options.fetch ?? fetch);
    const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const body = await readBody(response, address, type);
    const kind = KINDS.find((candidate) => candidate.types.test(type)) ?? sniff(body.head);
    if (!kind) throw new FactmarkError('UNSUPPORTED_FILE', `${address} is ${describeType(type)}, not a web page or an article Factmark can import`, { file: address });
    const bytes = await body.rest(kind.limit, kind.takes);
    const name = fileNameOf(url, kind.extension);
    let article: ArticleFile;
    if (kind.extension === '.html') article = readPage(bytes, address, name, charsetOf(response.headers.get('content-type')) ?? undefined);
    else if (kind.extension === '.txt') article = readArticle(bytes, name, address);
    else article = await readAnyArticle(bytes, name, address);
    // The page's own canonical address when it names one, else where the fetch ended.
    return { ...article, found: { url: url.href, ...article.found }, retrieved: { from: asked.href, at: retrievedAt } };
  } catch (error) {
    throw fetchError(error, address, timeoutMs, signal);
  }
}

/** The address as typed, checked: http or https only, nothing else fetched. */
function webAddress(address: string): URL {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    throw new FactmarkError('BAD_INPUT', `“${address}” is not a web address: give one such as https://example.org/news/story`, { file: address });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FactmarkError('BAD_INPUT', `${address}: Factmark fetches only http:// and https:// addresses`, { file: address });
  return url;
}

/** Fetches, following redirects by hand: each one's target is checked before it is asked for. */
async function follow(start: URL, signal: AbortSignal, fetcher: typeof fetch): Promise<{ response: Response; url: URL }> {
  let url = start;
  for (let redirects = 0; ; redirects++) {
    const response = await fetcher(url, { redirect: 'manual', signal, headers: { 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5' } });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      if (redirects >= MAX_REDIRECTS) throw new FactmarkError('BAD_INPUT', `${start.href} redirects more than ${MAX_REDIRECTS} times (a loop?); open it in a browser and give the address it ends at`, { file: start.href });
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        throw new FactmarkError('BAD_INPUT', `${start.href} redirects to “${location}”, which is not an address`, { file: start.href });
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new FactmarkError('BAD_INPUT', `${start.href} redirects to ${next.protocol} (${next.href.slice(0, 100)}), which Factmark does not follow: it fetches only http:// and https:// addresses`, { file: start.href });
      url = next;
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new FactmarkError(response.status === 404 || response.status === 410 ? 'NOT_FOUND' : 'IO_ERROR', `${start.href}: ${statusMessage(response.status)}`, { file: start.href });
    }
    return { response, url };
  }
}

function statusMessage(status: number): string {
  if (status === 404 || status === 410) return `the site has no such page (${status} Not Found); check the address`;
  if (status === 401 || status === 403) return `the site refused the page (${status}): one behind a login or a paywall can be saved from your browser (Save Page As…) and imported as a file`;
  if (status === 429) return 'the site asks to wait before trying again (429 Too Many Requests)';
  if (status >= 500) return `the site had an error (${status}); try again later`;
  return `the site answered ${status} instead of the page`;
}

/**
 * The body, read as it arrives and stopped at the limit: the first bytes (to tell a
 * page from a PDF when the server does not say), then the rest once the limit is known.
 */
async function readBody(response: Response, address: string, type: string) {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const pull = async (until: number, limit: number | null, takes: string) => {
    while (reader && total < until) {
      const { done, value } = await reader.read();
      if (done) return true;
      chunks.push(value);
      total += value.length;
      if (limit !== null && total > limit) {
        await reader.cancel();
        throw new FactmarkError('UNSUPPORTED_FILE', tooLargeMessage(address, total, false, limit, takes), { file: address });
      }
    }
    return !reader;
  };
  const ended = await pull(1024, null, '');
  const concat = () => Buffer.concat(chunks, total);
  return {
    head: concat(),
    rest: async (limit: number, takes: string) => {
      if (Number.isFinite(declared) && declared > limit) {
        await reader?.cancel();
        throw new FactmarkError('UNSUPPORTED_FILE', tooLargeMessage(address, declared, true, limit, takes), { file: address });
      }
      if (total > limit) throw new FactmarkError('UNSUPPORTED_FILE', tooLargeMessage(address, total, false, limit, takes), { file: address });
      if (!ended) await pull(Number.POSITIVE_INFINITY, limit, takes);
      if (total === 0) throw new FactmarkError('BAD_INPUT', `${address}: the site sent an empty page (${type || 'no type'})`, { file: address });
      return concat();
    },
  };
}

/** A server that names no type: a PDF says so in its first bytes, and a page starts with markup. */
function sniff(head: Uint8Array): (typeof KINDS)[number] | null {
  const start = Buffer.from(head.subarray(0, 512)).toString('latin1').trimStart().toLowerCase();
  if (start.startsWith('%pdf-')) return KINDS[1] ?? null;
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || start.startsWith('<head')) return KINDS[0] ?? null;
  return null;
}

function describeType(type: string): string {
  if (!type) return 'of no stated type';
  if (type.startsWith('image/')) return `a picture (${type})`;
  if (type.startsWith('video/') || type.startsWith('audio/')) return `a recording (${type})`;
  return `a file of type ${type}`;
}

function charsetOf(contentType: string | null): string | null {
  return /charset\s*=\s*"?([\w-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase() ?? null;
}

/** A name for the document's record: the address's last part, with the extension of what it is. */
function fileNameOf(url: URL, extension: string): string {
  const last = decodeURIComponent(path.posix.basename(url.pathname)).replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 100) || url.hostname;
  return last.toLowerCase().endsWith(extension) ? last : `${last}${extension}`;
}

/** Any failure as a sentence naming the address. */
function fetchError(error: unknown, address: string, timeoutMs: number, signal: AbortSignal): FactmarkError {
  if (error instanceof FactmarkError) return error;
  if (signal.aborted) return new FactmarkError('IO_ERROR', `${address}: the site did not answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} seconds` : `${timeoutMs} ms`}; try again later`, { file: address });
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const code = cause?.code ?? '';
  const host = (() => {
    try {
      return new URL(address).host;
    } catch {
      return address;
    }
  })();
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return new FactmarkError('IO_ERROR', `${address}: cannot find ${host}: no such site, or no connection to the internet (are you offline?)`, { file: address });
  if (code === 'ECONNREFUSED') return new FactmarkError('IO_ERROR', `${address}: ${host} refused the connection (nothing answers there)`, { file: address });
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return new FactmarkError('IO_ERROR', `${address}: the connection to ${host} broke off; try again`, { file: address });
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ENETUNREACH' || code === 'EHOSTUNREACH') return new FactmarkError('IO_ERROR', `${address}: cannot reach ${host}: no connection (are you offline?)`, { file: address });
  if (/CERT|SSL|TLS/i.test(code)) return new FactmarkError('IO_ERROR', `${address}: the site's security certificate is not valid (${cause?.message ?? code}), so the page was not fetched`, { file: address });
  return new FactmarkError('IO_ERROR', `${address}: the page could not be fetched (${cause?.message ?? (error instanceof Error ? error.message : String(error))})`, { file: address });
}

