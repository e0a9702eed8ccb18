import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer only; main, preload and the CLI are bundled by esbuild (scripts/build.mjs).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true },
});
