// One build for every part of the app: Vite for the renderer (React, CSS, HTML), esbuild
// for the Node and Electron bundles (main process, preload, browser-mode server, CLI).
// Each Node bundle is a single CommonJS file with its dependencies inside, except
// `electron`, which the Electron runtime provides.
import { chmod, readFile, rm } from 'node:fs/promises';
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

await rm('dist', { recursive: true, force: true });
await Promise.all([
  esbuild({ ...common, entryPoints: { cli: 'main/cli-main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } }),
  esbuild({ ...common, entryPoints: { web: 'main/web-main.ts' }, outdir: 'dist' }),
  esbuild({ ...common, entryPoints: { 'main/electron': 'main/electron/main.ts' }, outdir: 'dist' }),
  // The sandboxed preload may require only `electron`: everything else is inlined.
  esbuild({ ...common, entryPoints: { preload: 'main/preload.ts' }, outdir: 'dist', target: 'chrome140' }),
]);
await chmod('dist/cli.cjs', 0o755);
if (only === 'all') await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
console.log(`build: dist/ ready (${only === 'all' ? 'cli, web, electron main, preload, renderer' : 'node bundles only'})`);
