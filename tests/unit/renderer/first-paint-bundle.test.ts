/**
 * The first paint (renderer/src/prepaint/) is drawn before the window's code has loaded,
 * so what it imports, all the way down, must stay small and free of what makes the
 * window slow to start: React, Lexical and zod (whose evaluation alone takes longer than
 * a plain page needs to draw a 20 KB article). A module it imports that starts importing
 * one of them, directly or through another, fails here. The window itself (main.tsx) is
 * imported with import(), after the first paint: a chunk of its own.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/paths.js';

const ENTRY = path.join(repoRoot, 'renderer/src/prepaint/entry.ts');

/** The code the first paint runs before the window: its chunk and every chunk it imports statically. */
async function firstPaintCode(): Promise<{ inputs: string[]; bytes: number; dynamicImports: number }> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    // Split as the real build is: what the window shares with the first paint is a chunk of its own.
    splitting: true,
    format: 'esm',
    outdir: path.join(repoRoot, 'dist/first-paint-check'),
    write: false,
    metafile: true,
    minify: true,
    loader: { '.css': 'empty' },
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((name) => outputs[name]?.entryPoint?.endsWith('renderer/src/prepaint/entry.ts'));
  if (!entry) throw new Error('esbuild made no chunk for the first paint');
  const seen = new Set<string>();
  let dynamicImports = 0;
  const visit = (name: string) => {
    const output = outputs[name];
    if (!output || seen.has(name)) return;
    seen.add(name);
    for (const imported of output.imports) {
      if (imported.kind === 'dynamic-import') dynamicImports++;
      else visit(imported.path);
    }
  };
  visit(entry);
  const chunks = [...seen].map((name) => outputs[name] as (typeof outputs)[string]);
  return { inputs: chunks.flatMap((chunk) => Object.keys(chunk.inputs)), bytes: chunks.reduce((sum, chunk) => sum + chunk.bytes, 0), dynamicImports };
}

describe("the first paint's code", () => {
  it('pulls in neither React, Lexical nor zod, and loads the window only with import()', async () => {
    const code = await firstPaintCode();
    expect(code.inputs.some((input) => input.endsWith('renderer/src/prepaint/first-paint.ts'))).toBe(true);
    expect(code.inputs.some((input) => input.endsWith('renderer/src/main.tsx'))).toBe(false);
    expect(code.inputs.filter((input) => /node_modules\/(react|react-dom|scheduler|lexical|@lexical|zod)\//.test(input))).toEqual([]);
    expect(code.dynamicImports).toBeGreaterThan(0);
  });

  it('stays small: under 40 KB minified', async () => {
    expect((await firstPaintCode()).bytes).toBeLessThan(40_000);
  });
});
