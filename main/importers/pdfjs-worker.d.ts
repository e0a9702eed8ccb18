/** pdf.js's worker module ships no types; Factmark only hands it to pdf.js (pdf-engine.ts). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
