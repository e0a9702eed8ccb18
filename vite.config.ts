import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The start-up answer is asked for the moment the page is parsed: renderer/public/
 * early-start.js is put inline in index.html (a round trip sooner than a script file),
 * byte for byte, and the server allows it by its hash (main/renderer-assets.ts,
 * rendererPolicy, which hashes the copy the build leaves beside the page).
 */
function inlineEarlyStart(): Plugin {
  const tag = '<script src="./early-start.js"></script>';
  return {
    name: 'factmark-inline-early-start',
    apply: 'build',
    transformIndexHtml(html) {
      const source = readFileSync(new URL('./renderer/public/early-start.js', import.meta.url), 'utf8');
      if (!html.includes(tag) || source.includes('</script')) throw new Error(`vite.config.ts: index.html must load early-start.js as ${tag}, and the script must not close a script element`);
      return html.replace(tag, () => `<script>${source}</script>`);
    },
  };
}

// The renderer only; main, preload and the CLI are bundled by esbuild (scripts/build.mjs).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), inlineEarlyStart()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true },
});
