/**
 * pdf.js (Mozilla's PDF reader, the one in Firefox), loaded once and only when a PDF is
 * read: its Node ("legacy") build, with its worker running in this thread. pdf.js looks
 * for the worker's code on `globalThis.pdfjsWorker` before it tries to start a worker of
 * its own from a file, so the worker is bundled into each program (dist/cli.cjs,
 * web.cjs, the Electron main process) like any other module: no separate file to ship
 * or find at run time, and nothing to download.
 */
import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs';

export type PdfJsModule = typeof PdfJs;

let loading: Promise<PdfJsModule> | null = null;

/**
 * Only text is read here, never a page drawn. pdf.js's Node build makes one DOMMatrix
 * when it loads (for drawing) and would look for the optional native `@napi-rs/canvas`
 * package to polyfill it; this stand-in lets it load without, and says so if drawing is
 * ever asked of it.
 */
class NoDrawing {
  /** Made once by pdf.js at load; any use would be drawing, which Factmark never does. */
  multiplySelf(): never {
    throw new Error('Factmark reads the text of PDF files; it does not draw them');
  }
}

export function loadPdfJs(): Promise<PdfJsModule> {
  loading ??= (async () => {
    const scope = globalThis as { DOMMatrix?: unknown; pdfjsWorker?: unknown };
    scope.DOMMatrix ??= NoDrawing;
    // The warnings pdf.js prints while it loads (no canvas package, no `require` in a
    // bundle) would reach the user among the CLI's messages; they are about drawing,
    // which is not done here, so they are left out. (Later ones are off: verbosity 0.)
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].startsWith('Warning: ')) return;
      warn(...args);
    };
    try {
      scope.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.warn = warn;
    }
  })();
  return loading;
}
