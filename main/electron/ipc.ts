/**
 * Binds the service to IPC: one `ipcMain.handle` per api method. The sender must be our
 * own top-level page; params are validated by the service's zod schemas.
 */
import { dialog, ipcMain, type BrowserWindow } from 'electron';
import { apiParams, type ApiResponse } from '../../shared/api.js';
import { API_METHOD_NAMES, ipcChannel } from '../../shared/api-methods.js';
import { toErrorInfo } from '../../shared/errors.js';
import { EXPORT_FORMATS, type ExportFormatInfo as ExportFormat } from '../../shared/formats/catalog.js';
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

/**
 * The renderer cannot say where an export goes: the main process asks with the
 * desktop's save dialog, and only the path chosen there is written (exportToFile).
 */
async function exportWithDialog(service: FactmarkService, window: BrowserWindow | null, params: unknown): Promise<ApiResponse<'exportCorpus'>> {
  const given = apiParams.exportCorpus.safeParse(params);
  // Invalid params (a `path` among them) get the service's own message.
  if (!given.success) return service.respond('exportCorpus', params);
  const spec: ExportFormat = EXPORT_FORMATS[given.data.format];
  const extension = spec.extension.slice(1);
  const defaultPath = await service.exportName(given.data).catch(() => `factmark${spec.extension}`);
  const options = { title: `Export ${spec.name}`, defaultPath, filters: [{ name: spec.name, extensions: [extension] }] };
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { ok: true, result: { path: null, documents: 0, spans: 0, bytes: 0, notes: [] } };
  // The taskbar (or dock) icon shows how far a long export has come, as the dialog does.
  const showing = setInterval(() => {
    void service.getExportProgress({}).then((progress) => {
      if (progress && !progress.finished && progress.total > 0) window?.setProgressBar(progress.done / progress.total);
    });
  }, 500);
  try {
    return { ok: true, result: await service.exportToFile(choice.filePath, given.data) };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  } finally {
    clearInterval(showing);
    window?.setProgressBar(-1);
  }
}
