/**
 * The first paint's code as the page carries it: renderer/src/prepaint/entry.ts and all it
 * imports, bundled into one classic script that vite.config.ts puts inline at the end of
 * index.html, so that it runs as the page is parsed (no request, no module loading) and
 * is ready before the start-up answer comes back. Its test builds it the same way
 * (tests/unit/renderer/first-paint-bundle.test.ts).
 */
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';

export const FIRST_PAINT_ENTRY = fileURLToPath(new URL('../renderer/src/prepaint/entry.ts', import.meta.url));

export async function buildFirstPaint(): Promise<{ code: string; metafile: Metafile }> {
  const result = await build({
    entryPoints: [FIRST_PAINT_ENTRY],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild made no first paint');
  return { code: output.text, metafile: result.metafile };
}
