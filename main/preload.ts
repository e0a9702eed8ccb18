/**
 * The preload script: exposes the api, and nothing else, to the renderer as
 * `window.factmark.call(method, params)`, plus the native menu's commands. Runs sandboxed with context isolation, so it
 * may only use `contextBridge` and `ipcRenderer`; the main process validates everything.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { MENU_CHANNEL, MENU_COMMANDS, isApiMethodName, ipcChannel, type MenuCommand } from '../shared/api-methods.js';

contextBridge.exposeInMainWorld('factmark', {
  call: (method: unknown, params: unknown): Promise<unknown> => {
    if (!isApiMethodName(method)) return Promise.reject(new Error(`Unknown method ${String(method)}`));
    return ipcRenderer.invoke(ipcChannel(method), params);
  },
  /** Native menu commands; returns a function that stops listening. */
  onMenu: (listener: (command: MenuCommand) => void): (() => void) => {
    const forward = (_event: unknown, command: unknown) => {
      if ((MENU_COMMANDS as readonly unknown[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(MENU_CHANNEL, forward);
    return () => ipcRenderer.removeListener(MENU_CHANNEL, forward);
  },
});
