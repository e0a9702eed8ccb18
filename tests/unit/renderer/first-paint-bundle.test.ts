/**
 * The first paint (renderer/src/prepaint/) is drawn before the window's code has loaded,
 * so what it imports, all the way down, must stay small and free of what makes the
 * window slow to start: React, Lexical and zod (whose evaluation alone takes longer than
 * a plain page needs to draw a 20 KB article). A module it imports that starts importing
 * one of them, directly or through another, fails here. It is built as the page carries
 * it (scripts/first-paint-build.ts); the window itself (main.tsx) is imported with
 * import(), by address, after the first paint: a module of its own.
 */
import { describe, expect, it } from 'vitest';
import { buildFirstPaint } from '../../../scripts/first-paint-build.js';

describe("the first paint's code", () => {
  it('pulls in neither React, Lexical nor zod, and loads the window only with import()', async () => {
    const { code, metafile } = await buildFirstPaint();
    const inputs = Object.keys(metafile.inputs);
    expect(inputs.some((input) => input.endsWith('renderer/src/prepaint/first-paint.ts'))).toBe(true);
    expect(inputs.some((input) => input.endsWith('renderer/src/main.tsx'))).toBe(false);
    expect(inputs.filter((input) => /node_modules\/(react|react-dom|scheduler|lexical|@lexical|zod)\//.test(input))).toEqual([]);
    // One classic script: nothing is imported before it runs; the window, by address, after.
    expect(code).not.toMatch(/^\s*import\s/m);
    expect(code).toMatch(/import\(/);
  });

  it('stays small: under 40 KB minified', async () => {
    const { code } = await buildFirstPaint();
    expect(code.length).toBeLessThan(40_000);
  });
});
