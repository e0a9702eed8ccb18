/**
 * WCAG 3.3.2 asks that every field have a label people can see, not only one a screen
 * reader hears (an aria-label or a placeholder is not one). axe checks that fields have
 * names; this checks that each name is also on screen: the text of the field's <label>,
 * or of what aria-labelledby points at, visible and not empty. Returns one line per field
 * that has none.
 */
import type { Locator } from '@playwright/test';

export async function fieldsWithoutVisibleLabel(within: Locator): Promise<string[]> {
  return within.evaluate((root) => {
    // Drawn and not hidden: checkVisibility also counts what a closed <details> holds
    // (laid out in Chromium, with boxes, but not shown).
    const shown = (element: Element) => element.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true });
    const visibleText = (element: Element | null): string => {
      if (!(element instanceof HTMLElement) || !shown(element) || element.closest('.visually-hidden')) return '';
      return element.innerText.trim();
    };
    const fields = Array.from(root.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input:not([type="hidden"]), select, textarea'));
    return fields
      .filter(shown)
      .flatMap((field) => {
        // A button-like input carries its label as its value.
        if (field instanceof HTMLInputElement && ['submit', 'button', 'reset'].includes(field.type)) return [];
        const labelled = (field.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean).map((id) => visibleText(document.getElementById(id)));
        const labels = Array.from(field.labels ?? []).map((label) => {
          // The label's own words, without the field's (a <select>'s options, a textarea's text).
          const copy = label.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('input, select, textarea').forEach((inner) => inner.remove());
          return visibleText(label) ? (copy.textContent ?? '').trim() : '';
        });
        // A table cell's field is labelled by its row and column headers (the metadata table).
        const cell = field.closest('td');
        const headers = cell ? [visibleText(cell.closest('tr')?.querySelector('th') ?? null), visibleText(cell.closest('table')?.querySelectorAll('thead th')[cell.cellIndex] ?? null)] : [];
        if ([...labelled, ...labels, ...headers].some((text) => text.length > 0)) return [];
        return [`${field.tagName.toLowerCase()} named “${field.getAttribute('aria-label') ?? field.name ?? ''}” (${field.outerHTML.slice(0, 120)})`];
      });
  });
}
