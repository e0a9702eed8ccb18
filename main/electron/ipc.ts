/**
 * Binds the service to IPC: one `ipcMain.handle` per api method. The sender must be our
 * own top-level page; params are validated by the service's zod schemas.
 */
import { ipcMain } from 'electron';
import { API_METHOD_NAMES, ipcChannel } from '../../shared/api-methods.js';
import type { FactmarkService } from '../service.js';
import { isTrustedSender } from './security.js';

export function bindService(service: FactmarkService, afterCall?: (method: string) => void): void {
  for (const method of API_METHOD_NAMES) {
    ipcMain.handle(ipcChannel(method), async (event, params: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        return { ok: false, error: { code: 'BAD_INPUT', message: 'Refused: the request did not come from the Factmark window' } };
      }
      const response = await service.respond(method, params);
      afterCall?.(method);
      return response;
    });
  }
}
