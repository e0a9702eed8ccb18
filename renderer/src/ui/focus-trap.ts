/**
 * The keyboard's part of a modal dialog (WAI-ARIA's dialog pattern): when it opens, focus
 * moves into it (to the field that asked for it with autoFocus, else its first control);
 * while it is open, Tab and Shift+Tab go round its controls and everything behind it is
 * inert (not focusable, not clickable, not read by a screen reader); when it closes,
 * focus goes back to where it was before it opened. A dialog that replaces another (Paste…
 * → From a web address…) hands on where to go back to, so closing the second returns to
 * what opened the first.
 */
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';

const FOCUSABLE = ['a[href]', 'button:not([disabled])', 'input:not([disabled]):not([type="hidden"])', 'select:not([disabled])', 'textarea:not([disabled])', 'summary', '[tabindex]:not([tabindex="-1"])', '[contenteditable="true"]'].join(', ');
const FIELDS = 'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled])';

/** The controls in `root` that Tab reaches, in order (hidden ones left out). */
export function focusableIn(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((element) => element.getClientRects().length > 0 && !element.closest('[inert]'));
}

/** Where the last dialog to close would send focus, while a dialog that replaces it may still take it over. */
let handOver: { opener: HTMLElement | null } | null = null;

/**
 * Traps focus in the dialog whose outermost element (the overlay) is `container` and
 * whose box is `box`; returns the key handler to put on the container.
 */
export function useFocusTrap(container: RefObject<HTMLElement | null>, box: RefObject<HTMLElement | null>): (event: React.KeyboardEvent) => void {
  const opener = useRef<HTMLElement | null>(null);
  // What has the focus as the dialog first renders: read now, because a field with
  // autoFocus takes the focus while React mounts the dialog, before any effect of it runs.
  const [focusedBefore] = useState(() => (document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null));

  // A layout effect: it runs after React has focused an autoFocus field, and before the
  // browser paints, so the dialog never shows with focus still behind it.
  useLayoutEffect(() => {
    const overlay = container.current;
    const inner = box.current;
    if (!overlay || !inner) return undefined;
    // Focus in another dialog means this one replaces it: what opened that one is the way back.
    opener.current = focusedBefore && focusedBefore.isConnected && !focusedBefore.closest('[aria-modal="true"]') ? focusedBefore : (handOver?.opener ?? null);
    handOver = null;
    const madeInert = makeRestInert(overlay);
    if (!inner.contains(document.activeElement)) {
      const first = inner.querySelector<HTMLElement>(`${FIELDS}, [autofocus]`) ?? focusableIn(inner)[0];
      if (first && first.getClientRects().length > 0) first.focus();
      else {
        inner.tabIndex = -1;
        inner.focus();
      }
    }
    return () => {
      for (const element of madeInert) element.inert = false;
      const mine = { opener: opener.current };
      handOver = mine;
      // After this commit: unless a dialog opened in its place, focus goes back.
      window.setTimeout(() => {
        if (handOver !== mine) return;
        handOver = null;
        const back = mine.opener;
        if (back?.isConnected && !back.closest('[inert]')) back.focus();
      }, 0);
    };
  }, [container, box, focusedBefore]);

  return useCallback(
    (event: React.KeyboardEvent) => {
      const inner = box.current;
      if (event.key !== 'Tab' || !inner) return;
      const controls = focusableIn(inner);
      const first = controls[0];
      const last = controls.at(-1);
      if (!first || !last) {
        event.preventDefault();
        return;
      }
      const active = document.activeElement;
      const outside = !(active instanceof HTMLElement) || !inner.contains(active);
      if (event.shiftKey && (outside || active === first)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (outside || active === last)) {
        event.preventDefault();
        first.focus();
      }
    },
    [box],
  );
}

/** The window's live regions: they stay out of the inert part, so what happens while a dialog is open is still heard. */
const LIVE = '[role="status"], [role="alert"], [aria-live]';

/**
 * Makes everything outside `keep` inert (its siblings, and its ancestors' siblings),
 * except live regions: a box that holds one is not made inert as a whole, but around it
 * (a save that fails while a dialog is open is still said). Returns what it changed.
 */
function makeRestInert(keep: HTMLElement): HTMLElement[] {
  const changed: HTMLElement[] = [];
  const makeInert = (element: Element) => {
    if (!(element instanceof HTMLElement) || element.inert || element.tagName === 'SCRIPT' || element.tagName === 'STYLE' || element.matches(LIVE)) return;
    if (element.querySelector(LIVE)) {
      for (const child of Array.from(element.children)) makeInert(child);
      return;
    }
    element.inert = true;
    changed.push(element);
  };
  for (let node: HTMLElement | null = keep; node && node !== document.body; node = node.parentElement) {
    for (const sibling of Array.from(node.parentElement?.children ?? [])) if (sibling !== node) makeInert(sibling);
  }
  return changed;
}
