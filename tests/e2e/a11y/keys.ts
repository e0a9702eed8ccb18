/** Moving as a keyboard user does: Tab until a control is reached. */
import type { Page } from '@playwright/test';

/** The focused element's visible words (or its name, for a field). */
export function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!(active instanceof HTMLElement) || active === document.body) return '';
    return active.innerText.trim() || active.getAttribute('aria-label') || '';
  });
}

/** Presses Tab (Shift+Tab with `back`) until the focused control shows `name`; fails after 80 presses. */
export async function tabTo(page: Page, name: string, back = false): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if ((await focusedText(page)) === name) return;
  }
  throw new Error(`Tab never reached “${name}”`);
}
