/**
 * Binds the service to IPC: one `ipcMain.handle` per api method. The sender must be our
 * own top-level page; params are validated by the service's zod schemas.
 */
import { dialog, ipcMain, type BrowserWindow } from 'electron';
import { API_METHOD_NAMES, ipcChannel } from '../../shared/api-methods.js';
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
  const given = typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {};
  if (given.path !== undefined) return service.respond('exportCorpus', params);
  const options = { title: 'Export Factmark JSON', defaultPath: 'factmark-corpus.json', filters: [{ name: 'JSON', extensions: ['json'] }] };
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { ok: true, result: { path: null, documents: 0, spans: 0, bytes: 0, notes: [] } };
  return service.respond('exportCorpus', { ...given, path: choice.filePath });
}
