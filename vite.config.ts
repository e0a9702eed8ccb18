import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { buildFirstPaint } from './scripts/first-paint-build.ts';

/**
 * The start-up answer is asked for the moment the page is parsed: renderer/public/
 * early-start.js is put inline in index.html (a round trip sooner than a script file),
 * byte for byte. The server allows the page's inline scripts by their hashes
 * (main/renderer-assets.ts, rendererPolicy).
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

/** Where this build puts things, as index.html names them. */
const inRenderer = (file: string) => fileURLToPath(new URL(`./renderer/${file}`, import.meta.url));

/**
 * The page carries what its first paint needs, so that nothing is waited for but the
 * start-up answer: the style sheet inline (a file is one more request, and a script
 * after it waits for it), the first paint's code inline at the end of the body (built
 * by scripts/first-paint-build.ts), and the address of the window's code (main.tsx, a
 * module of its own: the input `window`), which the first paint imports once it is on
 * screen (renderer/src/prepaint/entry.ts).
 */
function inlineFirstPaint(): Plugin {
  return {
    name: 'factmark-inline-first-paint',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html, context) {
        const bundle = context.bundle ?? {};
        const window = Object.values(bundle).find((item) => item.type === 'chunk' && item.isEntry && item.name === 'window');
        if (!window) throw new Error('vite.config.ts: the build has no chunk for the window (renderer/src/main.tsx)');
        let styles = 0;
        const page = html.replace(/<link rel="stylesheet"(?: crossorigin)? href="\.\/(assets\/[^"]+\.css)">/g, (_tag, file: string) => {
          const asset = bundle[file];
          if (!asset || asset.type !== 'asset') throw new Error(`vite.config.ts: no style sheet ${file} in the build`);
          const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
          if (css.includes('</style')) throw new Error(`vite.config.ts: ${file} would close its style element`);
          styles++;
          return `<style>${css}</style>`;
        });
        if (styles !== 1) throw new Error(`vite.config.ts: index.html should link one style sheet, not ${styles}`);
        const { code } = await buildFirstPaint();
        if (code.includes('</script')) throw new Error('vite.config.ts: the first paint would close its script element');
        return page
          .replace('</head>', () => `  <meta name="factmark-window" content="./${window.fileName}" />\n  </head>`)
          .replace('</body>', () => `  <script>${code}</script>\n  </body>`);
      },
    },
  };
}

// The renderer only; main, preload and the CLI are bundled by esbuild (scripts/build.mjs).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), inlineEarlyStart(), inlineFirstPaint()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    // The page (its style sheet and first paint: inlineFirstPaint) and the window's code, which the page loads by address.
    rollupOptions: { input: { index: inRenderer('index.html'), window: inRenderer('src/main.tsx') } },
    // The window's code (React, Lexical, zod: ~620 KB) loads after the first paint, in one request.
    chunkSizeWarningLimit: 700,
  },
});
