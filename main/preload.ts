/**
 * The preload script: exposes the api, and nothing else, to the renderer as
 * `window.factmark.call(method, params)`, plus the native menu's commands. Runs sandboxed with context isolation, so it
 * may only use `contextBridge` and `ipcRenderer`; the main process validates everything.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { MENU_CHANNEL, isApiMethodName, ipcChannel } from '../shared/api-methods.js';
import { isMenuMessage, type MenuMessage } from '../shared/commands.js';

contextBridge.exposeInMainWorld('factmark', {
  call: (method: unknown, params: unknown): Promise<unknown> => {
    if (!isApiMethodName(method)) return Promise.reject(new Error(`Unknown method ${String(method)}`));
    return ipcRenderer.invoke(ipcChannel(method), params);
  },
  /** Native menu commands; returns a function that stops listening. */
  onMenu: (listener: (message: MenuMessage) => void): (() => void) => {
    const forward = (_event: unknown, message: unknown) => {
      if (isMenuMessage(message)) listener(message);
    };
    ipcRenderer.on(MENU_CHANNEL, forward);
    return () => ipcRenderer.removeListener(MENU_CHANNEL, forward);
  },
});
