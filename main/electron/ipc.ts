/**
 * Binds the service to IPC: one `ipcMain.handle` per api method. The sender must be our
 * own top-level page; params are validated by the service's zod schemas.
 */
import { dialog, ipcMain, type BrowserWindow } from 'electron';
import { apiParams } from '../../shared/api.js';
import { API_METHOD_NAMES, ipcChannel } from '../../shared/api-methods.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/formats/registry.js';
import type { FactmarkService } from '../service.js';
import { isTrustedSender } from './security.js';

export function bindService(service: FactmarkService, window: () => BrowserWindow | null): void {
  for (const method of API_METHOD_NAMES) {
    ipcMain.handle(ipcChannel(method), async (event, params: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        return { ok: false, error: { code: 'BAD_INPUT', message: 'Refused: the request did not come from the Factmark window' } };
      }
      if (method === 'exportCorpus') return exportWithDialog(service, window(), params);
      return service.respond(method, params);
    });
  }
}

/** An export without a path asks where to save it: the desktop's save dialog. */
async function exportWithDialog(service: FactmarkService, window: BrowserWindow | null, params: unknown) {
  const given = apiParams.exportCorpus.safeParse(params);
  // Invalid params get the service's own message; a path given needs no dialog.
  if (!given.success || given.data.path !== undefined) return service.respond('exportCorpus', params);
  const spec: ExportFormat = EXPORT_FORMATS[given.data.format];
  const extension = spec.extension.slice(1);
  const options = { title: `Export ${spec.name}`, defaultPath: `factmark-corpus${spec.extension}`, filters: [{ name: spec.name, extensions: [extension] }] };
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { ok: true, result: { path: null, documents: 0, spans: 0, bytes: 0, notes: [] } };
  // The taskbar (or dock) icon shows how far a long export has come, as the dialog does.
  const showing = setInterval(() => {
    void service.getExportProgress().then((progress) => {
      if (progress && !progress.finished && progress.total > 0) window?.setProgressBar(progress.done / progress.total);
    });
  }, 500);
  try {
    return await service.respond('exportCorpus', { ...given.data, path: choice.filePath });
  } finally {
    clearInterval(showing);
    window?.setProgressBar(-1);
  }
}
