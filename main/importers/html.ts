/**
 * Articles saved from the web: the main text extracted with Mozilla's Readability (the
 * Firefox reader view) over linkedom, a DOM for Node, in the main process; the metadata
 * read from the page's own tags (Open Graph, article:*, JSON-LD, <link rel=canonical>).
 * Only text leaves this module: the page's HTML is never shown or run.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { PublishedDate } from '../../shared/model/document.js';
import { isRecord } from '../../shared/model/parse.js';
import { FactmarkError } from '../../shared/errors.js';

export interface HtmlArticle {
  text: string;
  title: string | null;
  author: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  language: string | null;
}

const MIN_ARTICLE_CHARACTERS = 40;

/** The elements whose text becomes one paragraph each. */
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, td, th, dt, dd';

type Doc = ReturnType<typeof parseHTML>['document'];

/**
 * What this module reads of an element. linkedom's types lean on the DOM lib, which the
 * main process is compiled without, so query results are given this shape.
 */
interface PageElement {
  tagName: string;
  textContent: string | null;
  parentElement: PageElement | null;
  closest(selector: string): PageElement | null;
}

function queryAll(document: Doc, selector: string): PageElement[] {
  return Array.from(document.querySelectorAll(selector) as unknown as ArrayLike<PageElement>);
}

export function extractArticle(html: string, fileName: string): HtmlArticle {
  const { document } = parseHTML(html);
  const meta = readMetadata(document);
  const article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
  const text = article?.content ? textOf(parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document) : '';
  // Navigation links alone are not an article.
  if (text.trim().length < MIN_ARTICLE_CHARACTERS) throw new FactmarkError('BAD_INPUT', `${fileName}: no article text found in the page`, { file: fileName });
  return {
    text,
    title: meta.title ?? clean(article?.title) ?? null,
    author: meta.author ?? clean(article?.byline) ?? null,
    outlet: meta.outlet ?? clean(article?.siteName) ?? null,
    published: meta.published ?? normalizeDate(article?.publishedTime) ?? null,
    url: meta.url,
    language: meta.language ?? clean(article?.lang) ?? null,
  };
}

/** The text of an HTML fragment (a Word document's, an e-mail's), in paragraphs as an article from a page is. */
export function fragmentText(html: string): string {
  return textOf(parseHTML(`<!doctype html><html><body>${html}</body></html>`).document);
}

/** Paragraphs separated by blank lines; white space inside a paragraph folded. */
function textOf(document: Doc): string {
  const blocks = queryAll(document, BLOCKS).filter((element) => !element.parentElement?.closest(BLOCKS));
  const paragraphs = (blocks.length ? blocks : [document.body as unknown as PageElement]).map((element) =>
    element.tagName === 'PRE' ? (element.textContent ?? '').replace(/\s+$/, '') : (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
  return `${paragraphs.filter((paragraph) => paragraph !== '').join('\n\n')}\n`;
}

function readMetadata(document: Doc) {
  const metaContent = (...selectors: string[]) => {
    for (const selector of selectors) {
      const value = clean(document.querySelector(selector)?.getAttribute('content'));
      if (value) return value;
    }
    return null;
  };
  const jsonLd = readJsonLd(document);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? metaContent('meta[property="og:url"]');
  return {
    title: metaContent('meta[property="og:title"]', 'meta[name="twitter:title"]') ?? clean(jsonLd.headline) ?? clean(document.querySelector('title')?.textContent),
    author: metaContent('meta[name="author"]', 'meta[property="article:author"]') ?? clean(jsonLd.author),
    outlet: metaContent('meta[property="og:site_name"]', 'meta[name="application-name"]') ?? clean(jsonLd.publisher),
    published:
      normalizeDate(metaContent('meta[property="article:published_time"]', 'meta[name="date"]', 'meta[itemprop="datePublished"]', 'meta[name="pubdate"]')) ??
      normalizeDate(jsonLd.datePublished) ??
      normalizeDate(document.querySelector('time[datetime]')?.getAttribute('datetime')),
    url: canonical && /^https?:\/\//.test(canonical) ? canonical : null,
    language: clean(document.documentElement.getAttribute('lang')),
  };
}

/** The first schema.org NewsArticle-like object in the page's JSON-LD, as strings. */
function readJsonLd(document: Doc): { headline?: string; author?: string; publisher?: string; datePublished?: string } {
  for (const script of queryAll(document, 'script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // a broken block in someone else's page is not our problem
    }
    const items = (Array.isArray(data) ? data : [data]).flatMap((item) => (isRecord(item) && Array.isArray(item['@graph']) ? item['@graph'] : [item]));
    for (const item of items) {
      if (!isRecord(item) || !/Article|Report|Posting/.test(String(item['@type'] ?? ''))) continue;
      return {
        ...(typeof item.headline === 'string' ? { headline: item.headline } : {}),
        ...(nameOf(item.author) ? { author: nameOf(item.author) as string } : {}),
        ...(nameOf(item.publisher) ? { publisher: nameOf(item.publisher) as string } : {}),
        ...(typeof item.datePublished === 'string' ? { datePublished: item.datePublished } : {}),
      };
    }
  }
  return {};
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(nameOf).filter(Boolean).join(', ') || null;
  return isRecord(value) && typeof value.name === 'string' ? value.name : null;
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
}

/** A date the corpus format accepts (YYYY-MM-DD or a date-time with zone), or null. */
export function normalizeDate(value: string | null | undefined): string | null {
  const text = clean(value);
  if (!text) return null;
  if (PublishedDate.safeParse(text).success) return text;
  const date = /^\d{4}-\d{2}-\d{2}$/.exec(text.slice(0, 10)) ? text.slice(0, 10) : null;
  if (date && PublishedDate.safeParse(date).success && !/T\d/.test(text)) return date;
  const parsed = new Date(text);
  if (Number.isNaN(parsed.getTime())) return date;
  // A time without a zone is ambiguous: keep the calendar date only.
  return /T\d{2}:\d{2}.*(Z|[+-]\d{2}:?\d{2})$/.test(text) ? parsed.toISOString() : (date ?? parsed.toISOString().slice(0, 10));
}

/** The charset a page declares (<meta charset> or http-equiv), if any. */
export function declaredCharset(head: Uint8Array): string | null {
  const ascii = new TextDecoder('latin1').decode(head.subarray(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(ascii)?.[1]?.toLowerCase() ?? null;
}
