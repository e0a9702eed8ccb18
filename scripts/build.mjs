// One build for every part of the app: Vite for the renderer (React, CSS, HTML), esbuild
// for the Node and Electron bundles (main process, preload, browser-mode server, CLI).
// Each Node bundle is a single CommonJS file with its dependencies inside, except
// `electron`, which the Electron runtime provides, and the readers of PDF, Word and
// e-mail files (pdf.js and the rest, most of the code by size): they are one bundle of
// their own, dist/document-readers.cjs, which the others load when they first read such
// a file, so that starting the CLI or the server does not parse them every time.
import { chmod, cp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const only = process.argv.includes('--node-only') ? 'node' : 'all';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  external: ['electron'],
  define: { __FACTMARK_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
  outExtension: { '.js': '.cjs' },
};

/**
 * `import('./document-readers.js')` becomes a require of dist/document-readers.cjs,
 * relative to the bundle (a require, not an import(): the plainest way to load CommonJS,
 * inside Electron's app.asar too).
 */
const readersApart = (entry) => ({
  name: 'document-readers-apart',
  setup(build) {
    build.onResolve({ filter: /\/document-readers\.js$/ }, () => {
      const relative = path.posix.relative(path.posix.dirname(`dist/${entry}`), 'dist/document-readers.cjs');
      return { path: relative.startsWith('.') ? relative : `./${relative}`, external: true };
    });
    build.initialOptions.supported = { ...build.initialOptions.supported, 'dynamic-import': false };
  },
});

await rm('dist', { recursive: true, force: true });
await Promise.all([
  esbuild({ ...common, entryPoints: { cli: 'main/cli-main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' }, plugins: [readersApart('cli')] }),
  esbuild({ ...common, entryPoints: { web: 'main/web-main.ts' }, outdir: 'dist', plugins: [readersApart('web')] }),
  esbuild({ ...common, entryPoints: { 'main/electron': 'main/electron/main.ts' }, outdir: 'dist', plugins: [readersApart('main/electron')] }),
  esbuild({ ...common, entryPoints: { 'document-readers': 'main/importers/document-readers.ts' }, outdir: 'dist' }),
  // The sandboxed preload may require only `electron`: everything else is inlined.
  esbuild({ ...common, entryPoints: { preload: 'main/preload.ts' }, outdir: 'dist', target: 'chrome140' }),
]);
await chmod('dist/cli.cjs', 0o755);
// pdf.js reads Adobe's character maps for Chinese, Japanese and Korean text from files (1.7 MB).
await cp('node_modules/pdfjs-dist/cmaps', 'dist/pdfjs-cmaps', { recursive: true });
if (only === 'all') await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
console.log(`build: dist/ ready (${only === 'all' ? 'cli, web, electron main, preload, document readers, renderer' : 'node bundles only'})`);
