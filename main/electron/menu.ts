/**
 * The native menu. Project actions run here (they need native dialogs); the rest are the
 * commands of the shared table (shared/commands.ts), sent to the renderer to run, so the
 * menu, the keys and the toolbar cannot disagree.
 */
import { Menu, dialog, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_CHANNEL } from '../../shared/api-methods.js';
import { COMMANDS, COMMAND_IDS, electronAccelerator, type CommandSpec, type MenuMessage } from '../../shared/commands.js';
import { toErrorInfo } from '../../shared/errors.js';
import type { FactmarkService } from '../service.js';
import type { SettingsStore } from '../settings.js';

export interface MenuContext {
  window: BrowserWindow;
  service: FactmarkService;
  settings: SettingsStore;
  annotator: () => string;
  isMac: boolean;
}

export function buildMenu(context: MenuContext): Menu {
  const { window, service, settings, isMac } = context;
  const send = (message: MenuMessage) => window.webContents.send(MENU_CHANNEL, message);
  /** The commands of the shared table that sit in this menu; the renderer runs them. */
  const commandItems = (menu: CommandSpec['menu']): MenuItemConstructorOptions[] =>
    COMMAND_IDS.filter((id) => (COMMANDS[id] as CommandSpec).menu === menu).map((id) => {
      const spec: CommandSpec = COMMANDS[id];
      const key = spec.keys?.[0];
      // Single keys (Delete, ?) stay the renderer's: as accelerators they would be taken from text fields.
      return { label: spec.label, ...(key?.includes('+') ? { accelerator: electronAccelerator(key) } : {}), click: () => send(id) };
    });
  const guarded = (action: () => Promise<void>) => () => {
    action().catch((error: unknown) => dialog.showErrorBox('Factmark', toErrorInfo(error).message));
  };
  const opened = async (root: string) => {
    await settings.rememberProject(root);
    Menu.setApplicationMenu(buildMenu(context));
    send('project-changed');
  };

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      {
        label: 'New Project…',
        accelerator: 'CmdOrCtrl+Shift+N',
        click: guarded(async () => {
          const choice = await dialog.showOpenDialog(window, { title: 'New project: choose an empty folder', properties: ['openDirectory', 'createDirectory'] });
          const dir = choice.filePaths[0];
          if (!choice.canceled && dir) await opened((await service.createProject({ dir })).root);
        }),
      },
      {
        label: 'Open Project…',
        accelerator: 'CmdOrCtrl+O',
        click: guarded(async () => {
          const choice = await dialog.showOpenDialog(window, { title: 'Open a Factmark project folder', properties: ['openDirectory'] });
          const dir = choice.filePaths[0];
          if (!choice.canceled && dir) await opened((await service.openProject({ dir })).root);
        }),
      },
      {
        label: 'Open Recent',
        submenu: settings.value.recentProjects.length
          ? settings.value.recentProjects.map((dir) => ({ label: dir, click: guarded(async () => opened((await service.openProject({ dir })).root)) }))
          : [{ label: 'No recent projects', enabled: false }],
      },
      { type: 'separator' },
      ...commandItems('file'),
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    // Undo and redo act on the tagging history, not on text fields: the renderer owns it.
    submenu: [...commandItems('edit'), { type: 'separator' }, { role: 'copy' }, { role: 'selectAll' }],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [{ role: 'zoomIn' }, { role: 'zoomOut' }, { role: 'resetZoom' }, { type: 'separator' }, ...commandItems('view'), { role: 'togglefullscreen' }],
  };
  const help: MenuItemConstructorOptions = { label: 'Help', submenu: commandItems('help') };
  const template: MenuItemConstructorOptions[] = [...(isMac ? [{ role: 'appMenu' as const }] : []), file, edit, view, help];
  return Menu.buildFromTemplate(template);
}
