/** " · page 3": where a span is in the PDF its document came from, to cite it by page. */
import type { PageStart } from '../../../shared/text/pages.js';
import { describePages, pagesOf } from '../../../shared/text/pages.js';

export function SpanPages({ pages, start, end }: { pages: readonly PageStart[] | undefined; start: number; end: number }) {
  const described = describePages(pagesOf(pages, start, end));
  return described ? <span data-testid="span-pages"> · {described}</span> : null;
}
