/**
 * What WCAG 1.4.4 and 1.4.10 ask of a zoomed or small window, checked on the page as it
 * is drawn: no sideways scrolling of the whole window; no control, heading or status
 * item cut off by a box that clips without scrolling; and no two of them drawn over each
 * other. Returns one line per problem (empty: none).
 */
import type { Page } from '@playwright/test';

export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) problems.push(`the window scrolls sideways: ${root.scrollWidth}px of content in ${root.clientWidth}px`);

    const name = (element: Element) => `${element.tagName.toLowerCase()} “${((element as HTMLElement).innerText || element.getAttribute('aria-label') || '').trim().slice(0, 40)}”`;
    // Drawn and not hidden (checkVisibility also counts what a closed <details> holds).
    const shown = (element: Element) => element.checkVisibility({ visibilityProperty: true }) && !element.closest('[inert], [aria-hidden="true"], .visually-hidden, .fm-chunk-marks');
    const items = Array.from(document.querySelectorAll('button, input, select, textarea, a[href], h1, h2, h3, [role="tab"], .status-bar > *')).filter(shown);

    // Cut off: clipped by an ancestor that hides overflow, before any ancestor that scrolls
    // (what lies beyond a scrolling box is reached by scrolling it, and is not lost).
    for (const item of items) {
      const box = item.getBoundingClientRect();
      for (let parent = item.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        const overflow = `${style.overflowX} ${style.overflowY}`;
        if (/auto|scroll/.test(overflow)) break;
        if (!/hidden|clip/.test(overflow)) continue;
        const clip = parent.getBoundingClientRect();
        if (box.left < clip.left - 1 || box.right > clip.right + 1 || box.top < clip.top - 1 || box.bottom > clip.bottom + 1) {
          problems.push(`${name(item)} is cut off by ${parent.tagName.toLowerCase()}.${parent.className}`);
          break;
        }
      }
    }

    // Overlap: two items drawn over each other (one inside the other, as a label's field, is
    // fine). Each is taken as far as it is drawn: what a scrolling box has scrolled out of
    // sight is clipped away, not drawn over what lies beyond the box.
    const drawn = (item: Element) => {
      const box = item.getBoundingClientRect();
      let [left, top, right, bottom] = [box.left, box.top, box.right, box.bottom];
      for (let parent = item.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const clip = parent.getBoundingClientRect();
        [left, top, right, bottom] = [Math.max(left, clip.left), Math.max(top, clip.top), Math.min(right, clip.right), Math.min(bottom, clip.bottom)];
      }
      return { left, top, right, bottom };
    };
    const boxes = items.map((item) => ({ item, box: drawn(item) }));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (!a || !b || a.item.contains(b.item) || b.item.contains(a.item)) continue;
        const width = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const height = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (width > 2 && height > 2) problems.push(`${name(a.item)} and ${name(b.item)} overlap`);
      }
    }
    return problems;
  });
}
